#include "cli/args.hpp"

#include <gtest/gtest.h>

using devos::cli::Args;
using devos::cli::flag;
using devos::cli::Option;
using devos::cli::repeated;
using devos::cli::value;

namespace {

const Option kBuildDir = value("--build-dir", "DIR", "the build folder").withAlias("-p");

} // namespace

TEST(Args, ParsesLongShortAttachedAndRepeatedOptions) {
    Args args({kBuildDir, value("--jobs", "N", "jobs").withAlias("-j"),
               repeated("--label", "TEXT", "a label"), flag("--verify", "verify")});
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
    Args args({kBuildDir, flag("--verify", "verify")});
    EXPECT_FALSE(args.parse({"--frobnicate"}));
    EXPECT_EQ(args.error(), "unknown option '--frobnicate' (see --help)");
    Args missing({kBuildDir});
    EXPECT_FALSE(missing.parse({"--build-dir"}));
    EXPECT_EQ(missing.error(), "option --build-dir needs a value");
    Args verify({flag("--verify", "verify")});
    EXPECT_FALSE(verify.parse({"--verify=yes"}));
}

TEST(Args, AMissingRequiredOptionIsNamedWithWhatItIsForUnlessHelpIsAsked) {
    const std::vector<Option> options{
        value("--name", "NAME", "the gate's row in the table\nsecond line").mandatory(),
        flag("--advisory", "advisory")};
    Args missing(options);
    EXPECT_FALSE(missing.parse({"--advisory"}));
    EXPECT_EQ(missing.error(), "missing --name NAME (the gate's row in the table)");
    Args help(options);
    EXPECT_TRUE(help.parse({"--help"})) << help.error();
    Args given(options);
    EXPECT_TRUE(given.parse({"--name=format"})) << given.error();
    EXPECT_EQ(given.value("--name"), "format");
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
    Args args({kBuildDir});
    ASSERT_TRUE(args.parse({"build", "-p", "b"}));
    EXPECT_EQ(devos::cli::buildDirProblem(args),
              "unexpected argument 'build' (this command takes options only; see --help)");
    Args none({kBuildDir});
    ASSERT_TRUE(none.parse({}));
    EXPECT_EQ(devos::cli::buildDirProblem(none), "give the CMake build folder with -p <build-dir>");
    Args ok({kBuildDir});
    ASSERT_TRUE(ok.parse({"-p", "b"}));
    EXPECT_FALSE(devos::cli::buildDirProblem(ok));
}
