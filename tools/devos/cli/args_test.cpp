#include "cli/args.hpp"

#include <gtest/gtest.h>

using devos::cli::Args;

TEST(Args, ParsesLongShortAttachedAndRepeatedOptions) {
    Args args({"--build-dir", "--jobs", "--label"}, {"--verify"}, {{"-p", "--build-dir"}, {"-j", "--jobs"}});
    ASSERT_TRUE(
        args.parse({"-p", "build", "-j2", "--label=a", "--label", "b", "--verify", "x.cpp", "--", "-y"}))
        << args.error();
    EXPECT_EQ(args.value("--build-dir"), "build");
    EXPECT_EQ(args.value("--jobs"), "2");
    EXPECT_EQ(args.values("--label"), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(args.has("--verify"));
    EXPECT_EQ(args.positionals(), (std::vector<std::string>{"x.cpp", "-y"}));
}

TEST(Args, RejectsUnknownOptionsAndMissingValues) {
    Args args({"--build-dir"}, {"--verify"});
    EXPECT_FALSE(args.parse({"--frobnicate"}));
    EXPECT_EQ(args.error(), "unknown option '--frobnicate' (see --help)");
    Args missing({"--build-dir"}, {});
    EXPECT_FALSE(missing.parse({"--build-dir"}));
    EXPECT_EQ(missing.error(), "option --build-dir needs a value");
    Args flag({}, {"--verify"});
    EXPECT_FALSE(flag.parse({"--verify=yes"}));
}

// Issue 16 item 10: a usage error names the argument and the accepted values.
TEST(Args, NotOneOfNamesTheOptionTheValueAndTheChoices) {
    EXPECT_FALSE(devos::cli::notOneOf("--format", "json", {"text", "json"}));
    EXPECT_EQ(devos::cli::notOneOf("--format", "xml", {"text", "json"}),
              "--format must be text or json, not 'xml'");
    EXPECT_EQ(devos::cli::notOneOf("--agent", "x", {"playbook", "chat", "auto"}),
              "--agent must be playbook, chat or auto, not 'x'");
}

TEST(Args, BuildDirProblemNamesTheStrayArgumentOrTheMissingFolder) {
    devos::cli::Args args({"--build-dir"}, {}, {{"-p", "--build-dir"}});
    ASSERT_TRUE(args.parse({"build", "-p", "b"}));
    EXPECT_EQ(devos::cli::buildDirProblem(args),
              "unexpected argument 'build' (this command takes options only; see --help)");
    devos::cli::Args none({"--build-dir"}, {}, {{"-p", "--build-dir"}});
    ASSERT_TRUE(none.parse({}));
    EXPECT_EQ(devos::cli::buildDirProblem(none), "give the CMake build folder with -p <build-dir>");
    devos::cli::Args ok({"--build-dir"}, {}, {{"-p", "--build-dir"}});
    ASSERT_TRUE(ok.parse({"-p", "b"}));
    EXPECT_FALSE(devos::cli::buildDirProblem(ok));
}
