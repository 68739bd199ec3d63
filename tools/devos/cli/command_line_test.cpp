// The declared command line: one declaration gives the parser, the value checks, the fallbacks and
// the "options:" part of --help; and the one error → exit-code table.
#include "cli/command_line.hpp"
#include "cli/exit_code.hpp"

#include <gtest/gtest.h>

namespace devos::cli {
namespace {

const CommandLine kExample{
    .name = "example",
    .usage = "usage: devos example -p <build-dir> [options]",
    .about = "Does an example.",
    .options = {value("--build-dir", "DIR", "the build directory", "build").withAlias("-p"),
                number("--jobs", "N", 1, 256, "jobs in parallel").withAlias("-j"),
                choice("--format", "FORMAT", {"text", "json"}, "text (default) or json", "text"),
                repeated("--label", "TEXT", "a label\nmay be given more than once"),
                flag("--verify", "compare with the markers")},
    .notes = "exit codes: 0 done, 2 usage error",
};

TEST(CommandLine, HelpIsRenderedFromTheDeclaration) {
    EXPECT_EQ(renderHelp(kExample), "usage: devos example -p <build-dir> [options]\n"
                                    "\n"
                                    "Does an example.\n"
                                    "\n"
                                    "options:\n"
                                    "  -p, --build-dir DIR   the build directory\n"
                                    "  -j, --jobs N          jobs in parallel\n"
                                    "  --format FORMAT       text (default) or json\n"
                                    "  --label TEXT          a label\n"
                                    "                        may be given more than once\n"
                                    "  --verify              compare with the markers\n"
                                    "\n"
                                    "exit codes: 0 done, 2 usage error\n");
}

TEST(CommandLine, ValuesAreCheckedAgainstTheirDeclaration) {
    Args args(kExample.options);
    ASSERT_TRUE(args.parse({"-j8", "--format=json", "--label", "a", "--label", "b"})) << args.error();
    EXPECT_EQ(args.number("--jobs"), 8);
    EXPECT_EQ(args.value("--format"), "json");
    EXPECT_EQ(args.values("--label"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(args.value("--build-dir"), "build") << "the declared fallback";
    EXPECT_FALSE(args.has("--build-dir")) << "a fallback is not given";

    Args range(kExample.options);
    EXPECT_FALSE(range.parse({"--jobs", "0"}));
    EXPECT_EQ(range.error(), "--jobs needs a number from 1 to 256, not '0'");
    Args word(kExample.options);
    EXPECT_FALSE(word.parse({"-j", "2x"}));
    EXPECT_EQ(word.error(), "--jobs needs a number from 1 to 256, not '2x'");
    Args format(kExample.options);
    EXPECT_FALSE(format.parse({"--format", "xml"}));
    EXPECT_EQ(format.error(), "--format must be text or json, not 'xml'");
    Args flagValue(kExample.options);
    EXPECT_FALSE(flagValue.parse({"--verify=yes"}));
    EXPECT_EQ(flagValue.error(), "option --verify takes no value");
}

TEST(CommandLine, HelpIsAlwaysAcceptedButNotListed) {
    Args args(kExample.options);
    ASSERT_TRUE(args.parse({"-h"}));
    EXPECT_TRUE(args.has("--help"));
    EXPECT_EQ(renderHelp(kExample).find("--help"), std::string::npos);
}

TEST(CommandLine, ReadCommandLineStopsWithTheExitCodeForHelpAndUsageErrors) {
    auto help = readCommandLine(kExample, {"--help"});
    ASSERT_FALSE(help);
    EXPECT_EQ(help.error(), kSuccess);
    auto wrong = readCommandLine(kExample, {"--frobnicate"});
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error(), kUsage);
    auto ok = readCommandLine(kExample, {"-p", "b", "x"});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->positionals(), (std::vector<std::string>{"x"}));
}

foundation::Error errorOf(foundation::ErrorKind kind) {
    return foundation::fail(kind, "what went wrong").error();
}

TEST(ExitCode, SetupErrorsAreUsageErrorsAndWorkErrorsFollowTheirKind) {
    using foundation::ErrorKind;
    for (auto kind :
         {ErrorKind::Invalid, ErrorKind::NotFound, ErrorKind::Io, ErrorKind::Unavailable, ErrorKind::Storage})
        EXPECT_EQ(exitCodeOf(errorOf(kind), Stage::Setup), kUsage);
    EXPECT_EQ(exitCodeOf(errorOf(ErrorKind::Invalid), Stage::Work), kUsage);
    EXPECT_EQ(exitCodeOf(errorOf(ErrorKind::NotFound), Stage::Work), kUsage);
    EXPECT_EQ(exitCodeOf(errorOf(ErrorKind::Io), Stage::Work), kFindings);
    EXPECT_EQ(exitCodeOf(errorOf(ErrorKind::Unavailable), Stage::Work), kFindings);
    EXPECT_EQ(exitCodeOf(errorOf(ErrorKind::Storage), Stage::Work), kFindings);
}

} // namespace
} // namespace devos::cli
