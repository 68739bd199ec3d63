#include "sample_report.hpp"

#include <devos/output/text_writer.hpp>
#include <gtest/gtest.h>

using namespace devos::output;

TEST(TextWriter, PrintsCompilerStyleDiagnosticsAndASummary) {
    EXPECT_EQ(
        renderText(samples::sampleReport(), false),
        "src/entrypoints/main.cpp:4:12: warning: [devos layer.logic-call] entrypoint 'main' calls logic "
        "function 'discounted' directly\n"
        "src/entrypoints/main.cpp:4:12: note: Call a service that uses the logic function.\n"
        "src/logic/pricing.cpp:12:6: note: 'discounted' is declared in logic/\n"
        "src/logic/pricing.cpp:3:1: error: [devos layer.include] logic/ may not include adapters/db.hpp "
        "(layer adapters)\n"
        "src/logic/pricing.cpp:3:1: note: Depend on an interface in ports/ and inject the adapter from "
        "entrypoints/.\n"
        "src/logic/pricing.cpp:9:12: error: [devos purity.clock] logic function 'stamped' reads the clock: "
        "std::chrono::system_clock::now\n"
        "src/logic/pricing.cpp:9:12: note: Inject a Clock port and pass the time in.\n"
        "src/logic/pricing.cpp:18:12: error: [devos purity.transitive] logic function 'fromAdapter' reaches "
        "an effect: fromAdapter() -> current_epoch_seconds() -> std::time [purity.clock]\n"
        "src/logic/pricing.cpp:18:12: note: Inject a Clock port and pass the time in.\n"
        "src/adapters/stamp_impl.cpp:3:6: note: current_epoch_seconds() is defined in adapters/\n"
        "src/adapters/stamp_impl.cpp:4:30: note: std::time reads the clock [purity.clock]\n"
        "3 errors, 1 warning (1 baselined) from devos\n");
}

TEST(TextWriter, ColoursLikeClangOnlyWhenAsked) {
    Report report = samples::sampleReport();
    std::string plain = renderText(report, false);
    std::string colored = renderText(report, true);
    EXPECT_EQ(plain.find('\x1b'), std::string::npos);
    EXPECT_NE(
        colored.find("\x1b[1msrc/logic/pricing.cpp:9:12:\x1b[0m \x1b[0;1;31merror:\x1b[0m \x1b[1m[devos "
                     "purity.clock]"),
        std::string::npos);
    EXPECT_NE(colored.find("\x1b[0;1;35mwarning:\x1b[0m"), std::string::npos);
    EXPECT_NE(colored.find("\x1b[0;1;30mnote:\x1b[0m Inject a Clock port"), std::string::npos);
}

TEST(TextWriter, LeavesOutUnknownColumnsAndLinesAndCountsNotes) {
    Report report;
    devos::engine::Finding f;
    f.ruleId = "layer.unassigned";
    f.level = devos::engine::Level::Note;
    f.at = {"src/util/x.cpp", 0, 0};
    f.message = "src/util/x.cpp belongs to no layer";
    report.findings = {f};
    EXPECT_EQ(renderText(report, false),
              "src/util/x.cpp: note: [devos layer.unassigned] src/util/x.cpp belongs to "
              "no layer\n0 errors, 0 warnings, 1 note from devos\n");
}
