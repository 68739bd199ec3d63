#include <devos/logic/incident_text.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

TEST(IncidentText, DropsNoiseAndAppendsInAppFrames) {
    const std::string trace = "#0 0x7ffd12 in orders::Repo::save(int) /home/ci/src/repo.cpp:42\n"
                              "#1 0x7ffd34 in std::function<void()>::operator()() const\n"
                              "#2 0x7ffd56 in orders::Service::place() /home/ci/src/service.cpp:7\n";
    EXPECT_EQ(incidentText("Segfault at 0xdeadbeef in save after 3 tries", trace),
              incidentText("segfault at 0x1234abcd in save after 12 tries", trace));
    const auto text = incidentText("boom", trace);
    EXPECT_NE(text.find("\norders::Repo::save"), std::string::npos) << text;
    EXPECT_NE(text.find("\norders::Service::place"), std::string::npos) << text;
    EXPECT_EQ(text.find("std::function"), std::string::npos) << text;
}

TEST(IncidentText, AQueryWithoutTraceIsItsNormalizedMessage) {
    EXPECT_EQ(incidentText("Timeout after 30s", ""), "timeout after <n>s");
}

TEST(IncidentText, AFailureWithoutTextIsItsTestName) {
    contracts::TestFailure f;
    f.suite = "Orders";
    f.testName = "Saves";
    f.message = " -- ";
    EXPECT_EQ(incidentText(f), "Orders.Saves");
    f.message = "Boom 42";
    EXPECT_EQ(incidentText(f), "boom <n>");
}

TEST(IncidentText, ALintFailureIsItsRuleAndMessage) {
    contracts::LintFailure f;
    f.tool = "devos";
    f.ruleId = "purity.clock";
    f.file = "src/logic/pricing.cpp";
    f.line = 6;
    f.message = "logic/ must be deterministic: 'std::chrono::system_clock::now' reads the clock at 0x7f01";
    EXPECT_EQ(incidentText(f), "purity.clock: logic must be deterministic: 'std::chrono::system_clock::now' "
                               "reads the clock at <addr>");
    f.ruleId.clear();
    f.message = "--";
    EXPECT_EQ(incidentText(f), "lint failure of devos");
}

} // namespace
} // namespace devos::logic
