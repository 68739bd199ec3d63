#include "mcp/input_request.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

using nlohmann::json;

const InputForm kForm{"Why and until when?",
                      json::parse(R"j({"type":"object","required":["reason","expires"],"properties":{
    "reason":{"type":"string","minLength":1,"maxLength":20},
    "expires":{"type":"string","format":"date","minLength":10,"maxLength":10}}})j")};

std::string problem(const json& inputResponses) {
    auto answer = readInputResponse(inputResponses, kForm);
    return answer ? "<none>" : answer.error();
}

json answered(json response) {
    return {{kInputRequestKey, std::move(response)}};
}

TEST(InputRequest, FormElicitationIsDeclaredByAnEmptyObjectOrForm) {
    EXPECT_TRUE(canElicitForm({{"elicitation", json::object()}}));
    EXPECT_TRUE(canElicitForm({{"elicitation", {{"form", json::object()}}}}));
    EXPECT_FALSE(canElicitForm({{"elicitation", {{"url", json::object()}}}}));
    EXPECT_FALSE(canElicitForm({{"elicitation", true}}));
    EXPECT_FALSE(canElicitForm({{"sampling", json::object()}}));
    EXPECT_FALSE(canElicitForm(json::object()));
    EXPECT_FALSE(canElicitForm(nullptr));
}

TEST(InputRequest, TheResultAsksTheFormUnderOneKey) {
    const json result = inputRequiredResult(kForm);
    EXPECT_EQ(result["resultType"], "input_required");
    const json& request = result["inputRequests"][kInputRequestKey];
    EXPECT_EQ(request["method"], "elicitation/create");
    EXPECT_EQ(request["params"]["mode"], "form");
    EXPECT_EQ(request["params"]["message"], kForm.message);
    EXPECT_EQ(request["params"]["requestedSchema"], kForm.requestedSchema);
    EXPECT_FALSE(result.contains("requestState"));
}

TEST(InputRequest, AcceptedContentIsTheFormsFields) {
    auto answer = readInputResponse(
        answered({{"action", "accept"}, {"content", {{"reason", "legacy"}, {"expires", "2030-01-01"}}}}),
        kForm);
    ASSERT_TRUE(answer) << answer.error();
    EXPECT_TRUE(answer->accepted);
    EXPECT_EQ(answer->content, json({{"reason", "legacy"}, {"expires", "2030-01-01"}}));
}

TEST(InputRequest, DeclineAndCancelAreAnswersNotErrors) {
    for (const char* action : {"decline", "cancel"}) {
        auto answer = readInputResponse(answered({{"action", action}}), kForm);
        ASSERT_TRUE(answer) << answer.error();
        EXPECT_FALSE(answer->accepted);
        EXPECT_EQ(answer->action, action);
    }
}

TEST(InputRequest, MalformedResponsesSayWhatIsWrong) {
    EXPECT_EQ(problem(json::array()), "inputResponses must be an object keyed by the input request ids");
    EXPECT_EQ(problem({{"other", {{"action", "accept"}}}}),
              "inputResponses has no answer to the input request \"missing_arguments\"");
    EXPECT_EQ(problem(answered("accept")),
              "inputResponses.missing_arguments must be an elicitation result: an "
              "object with \"action\" (accept, decline or cancel)");
    EXPECT_EQ(problem(answered({{"action", "maybe"}})),
              "inputResponses.missing_arguments.action must be accept, decline or cancel (got \"maybe\")");
    EXPECT_EQ(problem(answered({{"action", "accept"}})),
              "inputResponses.missing_arguments accepts without \"content\": an object of the form's fields");
    EXPECT_EQ(problem(answered({{"action", "accept"}, {"content", {{"reason", "legacy"}}}})),
              "inputResponses.missing_arguments.content: missing required argument `expires`");
    EXPECT_EQ(
        problem(answered({{"action", "accept"}, {"content", {{"reason", 7}, {"expires", "2030-01-01"}}}})),
        "inputResponses.missing_arguments.content: argument `reason` must be string (got integer 7)");
    EXPECT_EQ(problem(answered({{"action", "accept"},
                                {"content", {{"reason", "x"}, {"expires", "2030-01-01"}, {"rule", "a.b"}}}})),
              "inputResponses.missing_arguments.content: unknown argument `rule` (this tool takes: expires, "
              "reason)");
    EXPECT_EQ(
        problem(answered({{"action", "accept"}, {"content", {{"reason", ""}, {"expires", "2030-01-01"}}}})),
        "inputResponses.missing_arguments.content: argument `reason` must not be shorter than 1 characters");
}

} // namespace
} // namespace devos::mcp
