#include <devos/logic/unified_diff.hpp>
#include <devos/services/playbook_agent.hpp>
#include <gtest/gtest.h>

namespace devos::services {

TEST(PlaybookAgent, AnswersWithTheReappliedFixOrNotFound) {
    PlaybookAgent agent;
    EXPECT_EQ(agent.kind(), contracts::AgentKind::Playbook);
    contracts::AgentRequest request;
    auto none = agent.proposeFix(request);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().kind, contracts::ErrorKind::NotFound);
    EXPECT_NE(none.error().message.find("0 similar past failures"), std::string::npos);
    contracts::SimilarIncident incident;
    incident.score = 0.9F;
    incident.fix = contracts::RecordedFix{};
    incident.fix->id = "FIX";
    incident.fix->fixingCommit = "9b2e1aa";
    incident.fix->testName = "A.Returns2";
    request.testName = "A.Returns2";
    incident.fix->diff = logic::unifiedDiff(
        contracts::CodeDiff{"src/a.cpp", "int a() {\n    return 1;\n}\n", "int a() {\n    return 2;\n}\n"});
    request.similarIncidents = {incident};
    request.codeContext = {{"src/a.cpp", "int a() {\n    return 1;\n}\n"}};
    auto answer = agent.proposeFix(request);
    ASSERT_TRUE(answer) << answer.error().render();
    EXPECT_NE(answer->text.find("<<<<<<< SEARCH\n    return 1;\n=======\n    return 2;\n"),
              std::string::npos);
}

} // namespace devos::services
