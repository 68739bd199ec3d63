#include "mcp/mcp_session.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

using nlohmann::json;

const json kMeta = {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
                    {"io.modelcontextprotocol/clientCapabilities", json::object()}};

std::vector<McpTool> fakeTools(int* runs) {
    McpTool echo{
        "devos_echo",
        "Returns its text.",
        "core",
        json::parse(R"j({"type":"object","required":["text"],"properties":{"text":{"type":"string"}}})j"),
        json::parse(R"j({"type":"object","required":["text"],"properties":{"text":{"type":"string"}}})j"),
        {},
        [runs](const json& a, const ToolCall& call) -> foundation::Expected<json> {
            ++*runs;
            call.report(1, 2, "half");
            if (a["text"] == "fail")
                return foundation::fail(foundation::ErrorKind::NotFound, "nothing called fail", "", 0,
                                        "try another");
            return json{{"text", a["text"]}};
        }};
    // Writes a note, which the user must give: asked for when the call lacks it.
    McpTool write{"devos_write",
                  "Writes.",
                  "baseline",
                  json::parse(R"j({"type":"object","properties":{"note":{"type":"string","minLength":1}}})j"),
                  json::parse(R"j({"type":"object"})j"),
                  {false, false, true, false},
                  [runs](const json& a, const ToolCall&) -> foundation::Expected<json> {
                      ++*runs;
                      return json{{"note", a["note"]}};
                  },
                  [](const json& a) -> std::optional<InputForm> {
                      if (a.contains("note"))
                          return std::nullopt;
                      return InputForm{"What note?", json::parse(R"j({"type":"object","required":["note"],
                          "properties":{"note":{"type":"string","minLength":1}}})j")};
                  }};
    return {echo, write};
}

class SessionTest : public ::testing::Test {
protected:
    SessionTest()
        : session(ServerIdentity{"devos", "1.2.3", "use the tools"}, fakeTools(&runs), resources(), prompts(),
                  1) {}

    static ResourceCatalog resources() {
        ResourceCatalog catalog;
        catalog.list = [] {
            return std::vector<McpResource>{{"devos://rules/{id}", "rule", "a rule", "text/markdown", true},
                                            {"devos://rules/a.b", "a.b", "rule a.b", "text/markdown", false}};
        };
        catalog.read = [](const std::string& uri, std::string&) -> foundation::Expected<std::string> {
            if (uri == "devos://rules/a.b")
                return std::string("# a.b");
            return foundation::fail(foundation::ErrorKind::NotFound, "no " + uri);
        };
        return catalog;
    }
    static std::vector<McpPrompt> prompts() {
        return {{"fix_violation",
                 "Fix",
                 "Fix one finding.",
                 {{"fingerprint", "which", true}},
                 [](const json& a) -> foundation::Expected<std::string> {
                     return "fix " + a["fingerprint"].get<std::string>();
                 }}};
    }

    json call(const std::string& method, json params = json::object(), json id = 1) {
        json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
        auto parsed = parseRpcLine(message.dump());
        EXPECT_TRUE(parsed);
        auto reply = session.handle(*parsed, cancelled,
                                    [&](const std::string& line) { emitted.push_back(json::parse(line)); });
        return reply ? json::parse(*reply) : json();
    }
    json modern(const std::string& method, json params = json::object()) {
        params["_meta"] = kMeta;
        return call(method, params);
    }

    int runs = 0;
    std::atomic<bool> cancelled{false};
    std::vector<json> emitted;
    McpSession session;
};

TEST_F(SessionTest, InitializeEchoesASupportedLegacyVersionElseOffersTheLatest) {
    auto r = call("initialize", {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()}});
    EXPECT_EQ(r["result"]["protocolVersion"], "2025-06-18");
    EXPECT_EQ(r["result"]["serverInfo"]["name"], "devos");
    EXPECT_EQ(r["result"]["instructions"], "use the tools");
    EXPECT_TRUE(r["result"]["capabilities"].contains("tools"));
    EXPECT_FALSE(r["result"].contains("resultType"));
    EXPECT_EQ(call("initialize", {{"protocolVersion", "2024-11-05"}})["result"]["protocolVersion"],
              "2025-11-25");
}

TEST_F(SessionTest, LegacyRequestsBeforeInitializeAreRefused) {
    auto r = call("tools/list");
    EXPECT_EQ(r["error"]["code"], kInvalidRequest);
    EXPECT_EQ(call("ping")["result"], json::object());
}

TEST_F(SessionTest, StatelessDiscoverAndCacheableResults) {
    auto r = modern("server/discover");
    EXPECT_EQ(r["result"]["supportedVersions"], json({"2026-07-28", "2025-11-25", "2025-06-18"}));
    EXPECT_EQ(r["result"]["resultType"], "complete");
    EXPECT_EQ(r["result"]["cacheScope"], "private");
    EXPECT_GT(r["result"]["ttlMs"], 0);
    EXPECT_EQ(r["result"]["_meta"]["io.modelcontextprotocol/serverInfo"]["version"], "1.2.3");
    auto list = modern("tools/list");
    EXPECT_EQ(list["result"]["resultType"], "complete");
    EXPECT_TRUE(list["result"].contains("ttlMs"));
    auto called = modern("tools/call", {{"name", "devos_echo"}, {"arguments", {{"text", "hi"}}}});
    EXPECT_EQ(called["result"]["resultType"], "complete");
    EXPECT_FALSE(called["result"].contains("ttlMs"));
}

TEST_F(SessionTest, UnsupportedVersionIs32022WithTheSupportedList) {
    auto r = call("tools/list", {{"_meta",
                                  {{"io.modelcontextprotocol/protocolVersion", "2030-01-01"},
                                   {"io.modelcontextprotocol/clientCapabilities", json::object()}}}});
    EXPECT_EQ(r["error"]["code"], -32022);
    EXPECT_EQ(r["error"]["data"]["requested"], "2030-01-01");
    EXPECT_EQ(r["error"]["data"]["supported"][0], "2026-07-28");
    auto missing =
        call("tools/list", {{"_meta", {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"}}}});
    EXPECT_EQ(missing["error"]["code"], kInvalidParams);
}

TEST_F(SessionTest, ToolsListIsPagedInADeterministicOrderWithEveryAnnotation) {
    auto first = modern("tools/list");
    ASSERT_EQ(first["result"]["tools"].size(), 1U);
    const json tool = first["result"]["tools"][0];
    EXPECT_EQ(tool["name"], "devos_echo");
    for (const char* hint : {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"})
        EXPECT_TRUE(tool["annotations"][hint].is_boolean()) << hint;
    EXPECT_EQ(tool["outputSchema"]["type"], "object");
    auto second = modern("tools/list", {{"cursor", first["result"]["nextCursor"]}});
    EXPECT_EQ(second["result"]["tools"][0]["name"], "devos_write");
    EXPECT_FALSE(second["result"].contains("nextCursor"));
    EXPECT_EQ(modern("tools/list", {{"cursor", "bogus"}})["error"]["code"], kInvalidParams);
}

TEST_F(SessionTest, ToolCallsReturnStructuredContentAndItsTextCopy) {
    auto r = modern("tools/call", {{"name", "devos_echo"}, {"arguments", {{"text", "hi"}}}});
    EXPECT_EQ(r["result"]["structuredContent"], json({{"text", "hi"}}));
    EXPECT_EQ(json::parse(r["result"]["content"][0]["text"].get<std::string>()),
              r["result"]["structuredContent"]);
    EXPECT_FALSE(r["result"]["isError"]);
}

TEST_F(SessionTest, BadArgumentsAndToolErrorsAreIsErrorResultsUnknownToolsAre32602) {
    auto bad = modern("tools/call", {{"name", "devos_echo"}, {"arguments", {{"text", 5}}}});
    EXPECT_TRUE(bad["result"]["isError"]);
    EXPECT_NE(bad["result"]["content"][0]["text"].get<std::string>().find("argument `text` must be string"),
              std::string::npos);
    EXPECT_EQ(runs, 0);
    auto failed = modern("tools/call", {{"name", "devos_echo"}, {"arguments", {{"text", "fail"}}}});
    EXPECT_TRUE(failed["result"]["isError"]);
    EXPECT_NE(failed["result"]["content"][0]["text"].get<std::string>().find("hint: try another"),
              std::string::npos);
    auto unknown = modern("tools/call", {{"name", "devos_nope"}});
    EXPECT_EQ(unknown["error"]["code"], kInvalidParams);
    EXPECT_EQ(unknown["error"]["data"]["available"], json({"devos_echo", "devos_write"}));
    EXPECT_EQ(modern("nope/method")["error"]["code"], kMethodNotFound);
}

TEST_F(SessionTest, ProgressIsSentForAProgressTokenAndACancelledCallGetsNoResponse) {
    json params = {{"name", "devos_echo"}, {"arguments", {{"text", "hi"}}}, {"_meta", kMeta}};
    params["_meta"]["progressToken"] = "tok";
    call("tools/call", params);
    ASSERT_EQ(emitted.size(), 1U);
    EXPECT_EQ(emitted[0]["method"], "notifications/progress");
    EXPECT_EQ(emitted[0]["params"]["progressToken"], "tok");
    EXPECT_EQ(emitted[0]["params"]["total"], 2);
    emitted.clear();
    modern("tools/call", {{"name", "devos_echo"}, {"arguments", {{"text", "hi"}}}});
    EXPECT_TRUE(emitted.empty());
    cancelled = true;
    EXPECT_TRUE(modern("tools/call", {{"name", "devos_echo"}, {"arguments", {{"text", "hi"}}}}).is_null());
}

TEST_F(SessionTest, ResourcesAndPrompts) {
    EXPECT_EQ(modern("resources/templates/list")["result"]["resourceTemplates"][0]["uriTemplate"],
              "devos://rules/{id}");
    EXPECT_EQ(modern("resources/list")["result"]["resources"][0]["uri"], "devos://rules/a.b");
    EXPECT_EQ(modern("resources/read", {{"uri", "devos://rules/a.b"}})["result"]["contents"][0]["text"],
              "# a.b");
    EXPECT_EQ(modern("resources/read", {{"uri", "devos://rules/x"}})["error"]["code"], kInvalidParams);
    call("initialize", {{"protocolVersion", "2025-11-25"}});
    EXPECT_EQ(call("resources/read", {{"uri", "devos://rules/x"}})["error"]["code"], -32002);
    EXPECT_EQ(call("prompts/list")["result"]["prompts"][0]["arguments"][0]["name"], "fingerprint");
    auto prompt = call("prompts/get", {{"name", "fix_violation"}, {"arguments", {{"fingerprint", "abc"}}}});
    EXPECT_EQ(prompt["result"]["messages"][0]["content"]["text"], "fix abc");
    EXPECT_EQ(call("prompts/get", {{"name", "fix_violation"}})["error"]["code"], kInvalidParams);
}

TEST_F(SessionTest, AMissingArgumentIsAskedOfAClientThatElicitsAndItsAnswerIsReadStrictly) {
    json meta = kMeta;
    meta["io.modelcontextprotocol/clientCapabilities"] = {{"elicitation", {{"form", json::object()}}}};
    auto write = [&](json extra) {
        json params = {{"name", "devos_write"}, {"arguments", json::object()}, {"_meta", meta}};
        params.update(extra);
        return call("tools/call", params);
    };
    auto asked = write(json::object());
    EXPECT_EQ(asked["result"]["resultType"], "input_required");
    const json request = asked["result"]["inputRequests"][kInputRequestKey];
    EXPECT_EQ(request["method"], "elicitation/create");
    EXPECT_EQ(request["params"]["message"], "What note?");
    EXPECT_EQ(request["params"]["requestedSchema"]["required"], json({"note"}));
    EXPECT_FALSE(asked["result"].contains("isError"));
    EXPECT_EQ(runs, 0);

    auto malformed = write({{"inputResponses", {{kInputRequestKey, {{"action", "accept"}}}}}});
    EXPECT_EQ(malformed["error"]["code"], kInvalidParams);
    EXPECT_NE(malformed["error"]["message"].get<std::string>().find("without \"content\""),
              std::string::npos);
    auto wrongType =
        write({{"inputResponses", {{kInputRequestKey, {{"action", "accept"}, {"content", {{"note", 3}}}}}}}});
    EXPECT_EQ(wrongType["error"]["code"], kInvalidParams);
    EXPECT_EQ(runs, 0);

    for (const char* action : {"decline", "cancel"}) {
        auto refused = write({{"inputResponses", {{kInputRequestKey, {{"action", action}}}}}});
        EXPECT_TRUE(refused["result"]["isError"]);
        EXPECT_EQ(refused["result"]["resultType"], "complete");
        EXPECT_EQ(refused["result"]["content"][0]["text"], std::string("devos_write: the user chose ") +
                                                               action +
                                                               " when asked for `note`; nothing was done");
    }
    EXPECT_EQ(runs, 0);

    auto accepted = write(
        {{"inputResponses", {{kInputRequestKey, {{"action", "accept"}, {"content", {{"note", "yes"}}}}}}}});
    EXPECT_EQ(accepted["result"]["resultType"], "complete");
    EXPECT_EQ(accepted["result"]["structuredContent"], json({{"note", "yes"}}));
    EXPECT_EQ(runs, 1);
}

TEST_F(SessionTest, WithoutFormElicitationAMissingArgumentIsAnIsErrorResult) {
    auto modernCall = modern("tools/call", {{"name", "devos_write"}, {"arguments", json::object()}});
    EXPECT_TRUE(modernCall["result"]["isError"]);
    EXPECT_EQ(modernCall["result"]["content"][0]["text"],
              "devos_write: missing required argument `note`; ask the user: What note?");
    json urlOnly = kMeta;
    urlOnly["io.modelcontextprotocol/clientCapabilities"] = {{"elicitation", {{"url", json::object()}}}};
    EXPECT_TRUE(call("tools/call", {{"name", "devos_write"}, {"_meta", urlOnly}})["result"]["isError"]);
    call("initialize",
         {{"protocolVersion", "2025-11-25"}, {"capabilities", {{"elicitation", json::object()}}}});
    auto legacy = call("tools/call", {{"name", "devos_write"}, {"arguments", json::object()}});
    EXPECT_TRUE(legacy["result"]["isError"]);
    EXPECT_FALSE(legacy["result"].contains("resultType"));
    EXPECT_EQ(runs, 0);
}

TEST(SelectTools, ReadOnlyToolsetsAndNamesNarrowAndUnknownNamesAreErrors) {
    int runs = 0;
    auto readOnly = selectTools(fakeTools(&runs), {true, {}, {}});
    ASSERT_TRUE(readOnly);
    ASSERT_EQ(readOnly->size(), 1U);
    EXPECT_EQ(readOnly->front().name, "devos_echo");
    auto bySet = selectTools(fakeTools(&runs), {false, {"baseline"}, {}});
    ASSERT_TRUE(bySet);
    EXPECT_EQ(bySet->front().name, "devos_write");
    auto unknown = selectTools(fakeTools(&runs), {false, {"nope"}, {}});
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().hint.find("baseline, core"), std::string::npos);
    EXPECT_FALSE(selectTools(fakeTools(&runs), {false, {}, {"devos_nope"}}));
}

} // namespace
} // namespace devos::mcp
