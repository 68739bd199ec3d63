#include "sample_report.hpp"

#include <devos/output/agent_writer.hpp>
#include <gtest/gtest.h>

using namespace devos::output;

TEST(AgentWriter, WritesOneLinePerActionableFinding) {
    EXPECT_EQ(
        renderAgent(samples::sampleReport()),
        "src/entrypoints/main.cpp:4:12 rule=layer.logic-call level=warning msg=\"entrypoint 'main' calls "
        "logic function 'discounted' directly\" do=\"Call a service that uses the logic function.\" "
        "via=\"src/logic/pricing.cpp:12:6 'discounted' is declared in logic/\"\n"
        "src/logic/pricing.cpp:3:1 rule=layer.include level=error msg=\"logic/ may not include "
        "adapters/db.hpp (layer adapters)\" do=\"Depend on an interface in ports/ and inject the adapter "
        "from entrypoints/.\"\n"
        "src/logic/pricing.cpp:9:12 rule=purity.clock level=error msg=\"logic function 'stamped' reads the "
        "clock: std::chrono::system_clock::now\" do=\"Inject a Clock port and pass the time in.\"\n"
        "src/logic/pricing.cpp:18:12 rule=purity.transitive level=error msg=\"logic function 'fromAdapter' "
        "reaches an effect: fromAdapter() -> current_epoch_seconds() -> std::time [purity.clock]\" "
        "do=\"Inject a Clock port and pass the time in.\" via=\"src/adapters/stamp_impl.cpp:3:6 "
        "current_epoch_seconds() is defined in adapters/; src/adapters/stamp_impl.cpp:4:30 std::time reads "
        "the clock [purity.clock]\"\n");
}

TEST(AgentWriter, EscapesQuotesBackslashesAndLineBreaks) {
    Report report;
    devos::engine::Finding finding;
    finding.ruleId = "purity.io";
    finding.at = {"a.cpp", 1, 2};
    finding.message = "calls \"puts\"\r\nwith C:\\tmp";
    finding.instead = "use a port";
    report.findings = {finding};
    EXPECT_EQ(renderAgent(report), "a.cpp:1:2 rule=purity.io level=error msg=\"calls \\\"puts\\\"\\nwith "
                                   "C:\\\\tmp\" do=\"use a port\"\n");
}
