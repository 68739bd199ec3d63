#include "cli/args.hpp"

#include <gtest/gtest.h>

using devos::cli::Args;

TEST(Args, ParsesLongShortAttachedAndRepeatedOptions) {
    Args args({"--build-dir", "--jobs", "--label"}, {"--verify"}, {{"-p", "--build-dir"}, {"-j", "--jobs"}});
    ASSERT_TRUE(args.parse({"-p", "build", "-j2", "--label=a", "--label", "b", "--verify", "x.cpp", "--", "-y"}))
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
