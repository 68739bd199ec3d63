#include "mcp/json_rpc.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

using nlohmann::json;

TEST(JsonRpc, ParsesRequestNotificationAndResponse) {
    auto request = parseRpcLine(R"({"jsonrpc":"2.0","id":7,"method":"tools/list","params":{"cursor":""}})");
    ASSERT_TRUE(request);
    EXPECT_EQ(request->kind, RpcMessage::Kind::Request);
    EXPECT_EQ(request->id, 7);
    EXPECT_EQ(request->method, "tools/list");
    EXPECT_EQ(request->params["cursor"], "");

    auto note = parseRpcLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    ASSERT_TRUE(note);
    EXPECT_EQ(note->kind, RpcMessage::Kind::Notification);
    EXPECT_TRUE(note->id.is_null());

    auto response = parseRpcLine(R"({"jsonrpc":"2.0","id":"a","result":{}})");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->kind, RpcMessage::Kind::Response);
}

TEST(JsonRpc, MalformedJsonIsAParseErrorWithNullId) {
    auto bad = parseRpcLine(R"({"jsonrpc":"2.0","id":1,"method":)");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().error.code, kParseError);
    EXPECT_TRUE(bad.error().id.is_null());
}

TEST(JsonRpc, InvalidRequestsNameWhatIsWrongAndKeepTheId) {
    auto version = parseRpcLine(R"({"jsonrpc":"1.0","id":3,"method":"ping"})");
    ASSERT_FALSE(version);
    EXPECT_EQ(version.error().error.code, kInvalidRequest);
    EXPECT_EQ(version.error().id, 3);
    EXPECT_NE(version.error().error.message.find("2.0"), std::string::npos);

    for (const char* line :
         {R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])", R"("ping")",
          R"({"jsonrpc":"2.0","id":{"x":1},"method":"ping"})", R"({"jsonrpc":"2.0","id":1,"method":5})",
          R"({"jsonrpc":"2.0","id":1,"method":"x","params":[1]})", R"({"jsonrpc":"2.0","id":1})"}) {
        auto parsed = parseRpcLine(line);
        ASSERT_FALSE(parsed) << line;
        EXPECT_EQ(parsed.error().error.code, kInvalidRequest) << line;
    }
}

TEST(JsonRpc, RenderedMessagesAreOneLineEvenWithNewlinesAndBadUtf8InStrings) {
    const std::string line = renderResult(1, {{"text", "a\nb\r\n"}, {"bytes", std::string("\xff\xfe")}});
    EXPECT_EQ(line.find('\n'), std::string::npos);
    auto back = json::parse(line);
    EXPECT_EQ(back["result"]["text"], "a\nb\r\n");
    EXPECT_EQ(back["jsonrpc"], "2.0");

    const auto error = json::parse(renderError(nullptr, {kInvalidParams, "bad", {{"supported", {"x"}}}}));
    EXPECT_TRUE(error["id"].is_null());
    EXPECT_EQ(error["error"]["code"], kInvalidParams);
    EXPECT_EQ(error["error"]["data"]["supported"][0], "x");
    EXPECT_FALSE(json::parse(renderError(1, {kInternalError, "x", nullptr}))["error"].contains("data"));

    const auto note = json::parse(renderNotification("notifications/progress", {{"progress", 1}}));
    EXPECT_FALSE(note.contains("id"));
    EXPECT_EQ(note["method"], "notifications/progress");
}

} // namespace
} // namespace devos::mcp
