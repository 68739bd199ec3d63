#include "support/http_test_server.hpp"

#include <devos/adapters/http/chat_agent.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using test_support::Request;
using test_support::Response;
using test_support::TestServer;

constexpr const char* kBlock =
    "src/logic/pricing.cpp\n<<<<<<< SEARCH\n    return x;\n=======\n    return x + 1;\n"
    ">>>>>>> REPLACE\n";

contracts::AgentRequest sampleRequest() {
    contracts::AgentRequest r;
    r.testName = "Pricing.Rounds";
    r.signal.patternId = std::string(64, 'a');
    r.signal.context.commitSha = "4c1d2e0f";
    r.signal.context.branch = "main";
    r.signal.context.errorMessage = "expected 83, got 82";
    contracts::SimilarIncident i{0.97F, "F1", std::string(64, 'a'), "Pricing.Rounds", "expected 83, got 82",
                                 "abc", {}};
    i.fix = contracts::RecordedFix{};
    i.fix->id = "FIX1";
    i.fix->fixingCommit = "9b2e1aa";
    i.fix->diff = "--- a/src/logic/pricing.cpp\n+++ b/src/logic/pricing.cpp\n@@ -1 +1 @@\n-a\n+b\n";
    r.similarIncidents = {i};
    r.codeContext = {{"src/logic/pricing.cpp", "int f(int x) {\n    return x;\n}\n"}};
    return r;
}

std::string completion(const std::string& content) {
    return nlohmann::json{{"model", "qwen2.5-coder"},
                          {"choices", {{{"message", {{"role", "assistant"}, {"content", content}}}}}}}
        .dump();
}

ChatAgentOptions optionsFor(const TestServer& server) {
    return {server.url(), "qwen2.5-coder", "sk-test-secret-key", std::chrono::milliseconds(2000), 24 * 1024};
}

} // namespace

TEST(ChatAgent, SendsTheFailureIncidentsAndCodeAndReturnsTheAnswerText) {
    TestServer server([](const Request&) { return Response{200, completion(kBlock)}; });
    ChatAgent agent(optionsFor(server));
    auto answer = agent.proposeFix(sampleRequest());
    ASSERT_TRUE(answer) << answer.error().render();
    EXPECT_EQ(answer->text, kBlock);
    EXPECT_EQ(answer->model, "qwen2.5-coder");
    EXPECT_EQ(answer->confidence, 50);
    EXPECT_EQ(answer->references, std::vector<std::string>{"FIX1"});
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_NE(requests[0].head.find("POST /v1/chat/completions"), std::string::npos);
    EXPECT_NE(requests[0].head.find("Authorization: Bearer sk-test-secret-key"), std::string::npos);
    const auto body = nlohmann::json::parse(requests[0].body);
    EXPECT_EQ(body["model"], "qwen2.5-coder");
    EXPECT_EQ(body["temperature"], 0);
    ASSERT_EQ(body["messages"].size(), 2u);
    EXPECT_NE(body["messages"][0]["content"].get<std::string>().find("<<<<<<< SEARCH"), std::string::npos);
    const std::string user = body["messages"][1]["content"];
    for (const char* part : {"Pricing.Rounds", "expected 83, got 82", "fixed by commit 9b2e1aa", "+b\n",
                             "src/logic/pricing.cpp\n```cpp\nint f(int x)"})
        EXPECT_NE(user.find(part), std::string::npos) << part;
}

TEST(ChatAgent, HttpErrorsAndMalformedAnswersAreErrorsWithoutTheKey) {
    TestServer failing([](const Request&) { return Response{500, "boom"}; });
    auto down = ChatAgent(optionsFor(failing)).proposeFix(sampleRequest());
    ASSERT_FALSE(down);
    EXPECT_EQ(down.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_EQ(down.error().render().find("sk-test-secret-key"), std::string::npos);
    TestServer refusing([](const Request&) { return Response{401, "bad key"}; });
    EXPECT_EQ(ChatAgent(optionsFor(refusing)).proposeFix(sampleRequest()).error().kind,
              contracts::ErrorKind::Invalid);
    TestServer garbage([](const Request&) { return Response{200, "{\"choices\": []}"}; });
    auto malformed = ChatAgent(optionsFor(garbage)).proposeFix(sampleRequest());
    ASSERT_FALSE(malformed);
    EXPECT_NE(malformed.error().message.find("not a chat completion"), std::string::npos);
}

TEST(ChatAgent, ATimeoutSaysSo) {
    TestServer slow(
        [](const Request&) { return Response{200, completion(kBlock), std::chrono::milliseconds(1500)}; });
    auto options = optionsFor(slow);
    options.timeout = std::chrono::milliseconds(300);
    auto answer = ChatAgent(options).proposeFix(sampleRequest());
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(answer.error().message.find("did not answer within"), std::string::npos);
    auto unreachable = ChatAgent({"http://127.0.0.1:1", "m", "", std::chrono::milliseconds(500), 1024})
                           .proposeFix(sampleRequest());
    ASSERT_FALSE(unreachable);
    EXPECT_EQ(unreachable.error().kind, contracts::ErrorKind::Unavailable);
}

TEST(ChatAgent, LongFilesAreCut) {
    TestServer server([](const Request&) { return Response{200, completion(kBlock)}; });
    auto options = optionsFor(server);
    options.maxFileBytes = 10;
    auto request = sampleRequest();
    request.codeContext[0].content = std::string(100, 'x');
    const std::string user = ChatAgent(options).userMessage(request);
    EXPECT_NE(user.find("[... cut by devos at 10 bytes]"), std::string::npos);
    EXPECT_EQ(user.find(std::string(11, 'x')), std::string::npos);
}

} // namespace devos::adapters
