// The GitHub adapter against a local stand-in for GitHub's API (the only double: GitHub is the
// boundary): the calls it makes, retries on 5xx, a clear stop on 4xx, and a token never shown.
#include "support/http_test_server.hpp"

#include <atomic>
#include <devos/adapters/http/github_pull_requests.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using test_support::Request;
using test_support::Response;
using test_support::TestServer;

constexpr const char* kToken = "ghp_s3cretTokenValue";

GitHubOptions optionsFor(const TestServer& server, std::string token = kToken) {
    GitHubOptions o;
    o.api = server.url();
    o.repository = "acme/orders";
    o.token = std::move(token);
    o.timeout = std::chrono::milliseconds(2000);
    o.maxRetries = 2;
    o.initialBackoff = std::chrono::milliseconds(1);
    return o;
}

contracts::PullRequestSpec spec(bool draft, bool autoMerge) {
    return {"selfheal/01J", "main", "self-heal: Pricing.RoundsHalfUp",
            "# PR.md body", draft,  {"self-heal", "risk-low"},
            autoMerge};
}

// GitHub as far as the adapter uses it.
Response github(const Request& r) {
    if (r.head.starts_with("POST /repos/acme/orders/pulls "))
        return {201,
                R"({"number": 7, "html_url": "https://github.com/acme/orders/pull/7", "node_id": "PR_kw7"})"};
    if (r.head.starts_with("POST /repos/acme/orders/issues/7/labels "))
        return {200, R"([{"name": "self-heal"}, {"name": "risk-low"}])"};
    if (r.head.starts_with("POST /graphql "))
        return {200, R"({"data": {"enablePullRequestAutoMerge": {"clientMutationId": null}}})"};
    return {404, R"({"message": "Not Found"})"};
}

} // namespace

TEST(GitHubPullRequests, OpensADraftWithLabelsAndTheBody) {
    TestServer server(github);
    auto pr = GitHubPullRequests(optionsFor(server)).open(spec(true, false));
    ASSERT_TRUE(pr) << pr.error().render();
    EXPECT_EQ(pr->number, 7);
    EXPECT_EQ(pr->url, "https://github.com/acme/orders/pull/7");
    EXPECT_FALSE(pr->autoMergeRequested);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    const auto created = nlohmann::json::parse(requests[0].body);
    EXPECT_EQ(created["head"], "selfheal/01J");
    EXPECT_EQ(created["base"], "main");
    EXPECT_EQ(created["body"], "# PR.md body");
    EXPECT_EQ(created["draft"], true);
    EXPECT_NE(requests[0].head.find(std::string("Authorization: Bearer ") + kToken), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(requests[1].body)["labels"], nlohmann::json({"self-heal", "risk-low"}));
}

TEST(GitHubPullRequests, LevelTwoRequestsAutoMerge) {
    TestServer server(github);
    auto pr = GitHubPullRequests(optionsFor(server)).open(spec(false, true));
    ASSERT_TRUE(pr) << pr.error().render();
    EXPECT_TRUE(pr->autoMergeRequested);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(nlohmann::json::parse(requests[0].body)["draft"], false);
    const auto mutation = nlohmann::json::parse(requests[2].body);
    EXPECT_NE(mutation["query"].get<std::string>().find("enablePullRequestAutoMerge"), std::string::npos);
    EXPECT_EQ(mutation["variables"]["id"], "PR_kw7");
}

TEST(GitHubPullRequests, RetriesServerErrorsThenSucceeds) {
    std::atomic<int> calls = 0;
    TestServer server([&](const Request& r) -> Response {
        if (++calls <= 2)
            return {502, "Bad Gateway"};
        return github(r);
    });
    auto pr = GitHubPullRequests(optionsFor(server)).open(spec(true, false));
    ASSERT_TRUE(pr) << pr.error().render();
    EXPECT_EQ(server.requests().size(), 4u) << "two 502s, the pull request, the labels";
}

TEST(GitHubPullRequests, KeepsFailingIsUnavailableAfterItsRetries) {
    TestServer server([](const Request&) -> Response { return {503, R"({"message": "down"})"}; });
    auto pr = GitHubPullRequests(optionsFor(server)).open(spec(true, false));
    ASSERT_FALSE(pr);
    EXPECT_EQ(pr.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_EQ(server.requests().size(), 3u) << "one try and two retries";
}

TEST(GitHubPullRequests, AWrongTokenStopsAtOnceAndIsNamedNotShown) {
    TestServer server([](const Request&) -> Response { return {401, R"({"message": "Bad credentials"})"}; });
    auto pr = GitHubPullRequests(optionsFor(server)).open(spec(true, false));
    ASSERT_FALSE(pr);
    EXPECT_EQ(pr.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_EQ(server.requests().size(), 1u) << "a 4xx is not retried";
    const auto text = pr.error().render();
    EXPECT_NE(text.find("DEVOS_GITHUB_TOKEN"), std::string::npos) << text;
    EXPECT_NE(text.find("Bad credentials"), std::string::npos) << text;
    EXPECT_EQ(text.find(kToken), std::string::npos) << "the token is never printed";
}

TEST(GitHubPullRequests, AMissingTokenOrAnUnknownBranchIsAClearError) {
    TestServer server(github);
    auto none = GitHubPullRequests(optionsFor(server, "")).open(spec(true, false));
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("DEVOS_GITHUB_TOKEN is not set"), std::string::npos);
    EXPECT_TRUE(server.requests().empty());
    TestServer unprocessable([](const Request&) -> Response {
        return {422, R"({"message": "Validation Failed: head selfheal/01J does not exist"})"};
    });
    auto bad = GitHubPullRequests(optionsFor(unprocessable)).open(spec(true, false));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_NE(bad.error().message.find("HTTP 422: Validation Failed"), std::string::npos)
        << bad.error().message;
}

TEST(GitHubPullRequests, ATimeoutIsRetriedThenUnavailable) {
    TestServer server([](const Request&) -> Response { return {200, "{}", std::chrono::milliseconds(500)}; });
    auto options = optionsFor(server);
    options.timeout = std::chrono::milliseconds(100);
    options.maxRetries = 1;
    auto pr = GitHubPullRequests(options).open(spec(true, false));
    ASSERT_FALSE(pr);
    EXPECT_EQ(pr.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(pr.error().message.find("after 2 tries"), std::string::npos) << pr.error().message;
}

} // namespace devos::adapters

namespace devos::adapters {

TEST(GitHubPullRequests, FindsThePullRequestOfABranchOpenMergedOrClosed) {
    std::string answer;
    TestServer server([&](const Request& r) -> Response {
        if (r.head.starts_with("GET /repos/acme/orders/pulls?state=all&head=acme:selfheal/01J "))
            return {200, answer};
        return {404, R"({"message": "Not Found"})"};
    });
    GitHubPullRequests host(optionsFor(server));
    answer = R"([{"number": 7, "state": "closed", "merged_at": null}])";
    auto closed = host.find("selfheal/01J");
    ASSERT_TRUE(closed) << closed.error().render();
    ASSERT_TRUE(closed->has_value());
    EXPECT_EQ((*closed)->number, 7);
    EXPECT_FALSE((*closed)->open);
    EXPECT_FALSE((*closed)->merged);
    answer = R"([{"number": 7, "state": "closed", "merged_at": "2026-12-03T10:00:00Z"}])";
    EXPECT_TRUE((*host.find("selfheal/01J"))->merged);
    answer = R"([{"number": 8, "state": "open", "merged_at": null}])";
    EXPECT_TRUE((*host.find("selfheal/01J"))->open);
    answer = "[]";
    EXPECT_FALSE(host.find("selfheal/01J")->has_value());
    answer = R"({"unexpected": true})";
    EXPECT_FALSE(host.find("selfheal/01J"));
    const auto requests = server.requests();
    ASSERT_FALSE(requests.empty());
    EXPECT_NE(requests[0].head.find(std::string("Authorization: Bearer ") + kToken), std::string::npos);
}

TEST(GitHubPullRequests, ALookupWithAWrongOrMissingTokenNamesItNeverShowsIt) {
    TestServer server([](const Request&) -> Response { return {401, R"({"message": "Bad credentials"})"}; });
    auto refused = GitHubPullRequests(optionsFor(server)).find("selfheal/01J");
    ASSERT_FALSE(refused);
    const auto text = refused.error().render();
    EXPECT_NE(
        text.find("GitHub refused the token in DEVOS_GITHUB_TOKEN (HTTP 401 on GET /repos/acme/orders/pulls"),
        std::string::npos)
        << text;
    EXPECT_EQ(text.find(kToken), std::string::npos) << "the token is never printed";
    auto missing = GitHubPullRequests(optionsFor(server, "")).find("selfheal/01J");
    ASSERT_FALSE(missing);
    EXPECT_NE(
        missing.error().message.find("DEVOS_GITHUB_TOKEN is not set: cannot look up the pull request of "
                                     "selfheal/01J"),
        std::string::npos);
}

} // namespace devos::adapters
