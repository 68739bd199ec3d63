#include "support/http_test_server.hpp"

#include <devos/adapters/http/http_embedder.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using test_support::Request;
using test_support::Response;
using test_support::TestServer;

// Answers like TEI: text i gets [length, first byte, 1], listed in reverse order with its index.
Response embeddings(const Request& request) {
    const auto input = nlohmann::json::parse(request.body).at("input");
    nlohmann::json data = nlohmann::json::array();
    for (std::size_t i = input.size(); i-- > 0;) {
        const auto text = input[i].get<std::string>();
        data.push_back({{"index", i}, {"embedding", {float(text.size()), float(text[0]), 1.0F}}});
    }
    return {200, nlohmann::json{{"object", "list"}, {"data", data}}.dump()};
}

HttpEmbedderOptions optionsFor(const TestServer& server) {
    return {server.url(),
            "bge-large-en-v1.5",
            "s3cret-key",
            32,
            std::chrono::milliseconds(2000),
            3,
            std::chrono::milliseconds(1)};
}

TEST(HttpEmbedder, BatchesBy32KeepsInputOrderAndStoresTheModel) {
    TestServer server(embeddings);
    std::vector<std::string> texts;
    for (int i = 0; i < 70; ++i) {
        texts.push_back(std::string(static_cast<std::size_t>(i + 1), static_cast<char>('a' + i % 26)));
    }
    const auto result = HttpEmbedder(optionsFor(server)).embed(texts);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->size(), 70U);
    for (std::size_t i = 0; i < 70; ++i) {
        EXPECT_EQ(result->at(i).model, "bge-large-en-v1.5");
        EXPECT_EQ(result->at(i).values, (std::vector<float>{float(i + 1), float('a' + i % 26), 1.0F}));
    }
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 3U);
    std::vector<std::size_t> sizes;
    for (const auto& r : requests) {
        EXPECT_NE(r.head.find("POST /v1/embeddings HTTP/1.1"), std::string::npos);
        EXPECT_NE(r.head.find("Authorization: Bearer s3cret-key"), std::string::npos);
        const auto body = nlohmann::json::parse(r.body);
        EXPECT_EQ(body.at("model"), "bge-large-en-v1.5");
        sizes.push_back(body.at("input").size());
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{32, 32, 6}));
}

TEST(HttpEmbedder, RetriesTooManyRequestsAndServerErrors) {
    std::atomic<int> calls{0};
    TestServer server([&](const Request& r) {
        const int n = calls++;
        return n == 0 ? Response{429, "{}"} : n == 1 ? Response{503, "{}"} : embeddings(r);
    });
    const std::vector<std::string> texts{"hello"};
    const auto result = HttpEmbedder(optionsFor(server)).embed(texts);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(server.requests().size(), 3U);
}

TEST(HttpEmbedder, GivesUpAfterMaxRetriesWithoutLeakingTheKey) {
    TestServer server([](const Request&) { return Response{500, "{\"error\":\"boom\"}"}; });
    const std::vector<std::string> texts{"hello"};
    const auto result = HttpEmbedder(optionsFor(server)).embed(texts);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(result.error().message.find("HTTP 500"), std::string::npos);
    EXPECT_EQ(result.error().message.find("s3cret"), std::string::npos);
    EXPECT_EQ(server.requests().size(), 4U);
}

TEST(HttpEmbedder, ClientErrorsFailAtOnce) {
    TestServer server([](const Request&) { return Response{400, "{\"error\":\"unknown model\"}"}; });
    const std::vector<std::string> texts{"hello"};
    const auto result = HttpEmbedder(optionsFor(server)).embed(texts);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_NE(result.error().message.find("unknown model"), std::string::npos);
    EXPECT_EQ(server.requests().size(), 1U);
}

TEST(HttpEmbedder, RejectsAMalformedAnswer) {
    TestServer server(
        [](const Request&) { return Response{200, R"({"data":[{"index":0,"embedding":["x"]}]})"}; });
    const std::vector<std::string> texts{"hello"};
    const auto result = HttpEmbedder(optionsFor(server)).embed(texts);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, contracts::ErrorKind::Invalid);
}

TEST(HttpEmbedder, TimesOutOnASlowServer) {
    TestServer server([](const Request& r) {
        Response slow = embeddings(r);
        slow.delay = std::chrono::milliseconds(600);
        return slow;
    });
    auto options = optionsFor(server);
    options.timeout = std::chrono::milliseconds(100);
    options.maxRetries = 1;
    const std::vector<std::string> texts{"hello"};
    const auto result = HttpEmbedder(options).embed(texts);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(result.error().message.find("imeout"), std::string::npos) << result.error().message;
}

TEST(HttpEmbedder, UnreachableServerIsUnavailable) {
    HttpEmbedderOptions options{"http://127.0.0.1:1",        "m", "", 32, std::chrono::milliseconds(500), 0,
                                std::chrono::milliseconds(1)};
    const std::vector<std::string> texts{"hello"};
    const auto result = HttpEmbedder(options).embed(texts);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, contracts::ErrorKind::Unavailable);
}

} // namespace
} // namespace devos::adapters
