// GitHub's REST API for the proposals' pull requests. Every call is a JSON POST through postJson;
// the token goes in the Authorization header only.
#include "http_post.hpp"

#include <devos/adapters/http/github_pull_requests.hpp>
#include <nlohmann/json.hpp>
#include <thread>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;

bool retryable(long status) {
    return status == 429 || status >= 500;
}

// GitHub's own message in an error body, else the body's start.
std::string messageOf(const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object() && json.contains("message") && json["message"].is_string())
        return json["message"].get<std::string>();
    return body.substr(0, 200);
}

} // namespace

contracts::Expected<contracts::OpenedPullRequest>
GitHubPullRequests::open(const contracts::PullRequestSpec& spec) {
    if (options_.token.empty())
        return contracts::fail(
            ErrorKind::Invalid, "DEVOS_GITHUB_TOKEN is not set: cannot open a pull request", {}, 0,
            "export DEVOS_GITHUB_TOKEN with a token that may create pull requests in " + options_.repository);
    if (options_.repository.find('/') == std::string::npos)
        return contracts::fail(ErrorKind::Invalid,
                               "publish.repository '" + options_.repository + "' is not owner/name", {}, 0,
                               "set publish.repository in .devos/self-heal.yml");
    const std::vector<std::string> headers{"Authorization: Bearer " + options_.token,
                                           "Accept: application/vnd.github+json",
                                           "X-GitHub-Api-Version: 2022-11-28", "User-Agent: devos-self-heal"};
    // POSTs with retries; the reply of a 2xx, else the error.
    const auto call = [&](const std::string& path,
                          const nlohmann::json& body) -> contracts::Expected<nlohmann::json> {
        const std::string url = options_.api + path;
        auto backoff = options_.initialBackoff;
        contracts::Expected<HttpReply> reply;
        for (unsigned attempt = 0;; ++attempt) {
            reply = postJson(url, body.dump(), headers, options_.timeout);
            if ((reply && !retryable(reply->status)) || attempt == options_.maxRetries)
                break;
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
        if (!reply)
            return contracts::fail(ErrorKind::Unavailable,
                                   "POST " + url + " failed after " +
                                       std::to_string(options_.maxRetries + 1) +
                                       " tries: " + reply.error().message,
                                   {}, 0, "check that " + options_.api + " is reachable");
        if (reply->status == 401 || reply->status == 403)
            return contracts::fail(
                ErrorKind::Invalid,
                "GitHub refused the token in DEVOS_GITHUB_TOKEN (HTTP " + std::to_string(reply->status) +
                    " on POST " + path + "): " + messageOf(reply->body),
                {}, 0, "use a token that may write pull requests to " + options_.repository);
        if (reply->status >= 300)
            return contracts::fail(retryable(reply->status) ? ErrorKind::Unavailable : ErrorKind::Invalid,
                                   "POST " + path + " answered HTTP " + std::to_string(reply->status) + ": " +
                                       messageOf(reply->body),
                                   {}, 0,
                                   retryable(reply->status)
                                       ? "GitHub kept failing; try again later"
                                       : "check publish.repository and that the branch was pushed");
        auto json = nlohmann::json::parse(reply->body, nullptr, false);
        if (json.is_discarded())
            return contracts::fail(ErrorKind::Invalid,
                                   "POST " + path + " answered with something that is not JSON");
        return json;
    };
    auto created = call("/repos/" + options_.repository + "/pulls", {{"title", spec.title},
                                                                     {"head", spec.head},
                                                                     {"base", spec.base},
                                                                     {"body", spec.body},
                                                                     {"draft", spec.draft}});
    if (!created)
        return std::unexpected(created.error());
    if (!created->contains("number") || !(*created)["number"].is_number_integer())
        return contracts::fail(ErrorKind::Invalid, "GitHub's answer to the pull request has no number");
    contracts::OpenedPullRequest pr;
    pr.number = (*created)["number"].get<long>();
    pr.url = created->value("html_url", std::string{});
    if (!spec.labels.empty()) {
        auto labelled =
            call("/repos/" + options_.repository + "/issues/" + std::to_string(pr.number) + "/labels",
                 {{"labels", spec.labels}});
        if (!labelled)
            return std::unexpected(labelled.error());
    }
    if (spec.autoMerge) {
        const std::string node = created->value("node_id", std::string{});
        auto merged =
            call("/graphql",
                 {{"query", "mutation($id: ID!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, "
                            "mergeMethod: SQUASH}) { clientMutationId } }"},
                  {"variables", {{"id", node}}}});
        if (!merged)
            return std::unexpected(merged.error());
        if (merged->contains("errors"))
            return contracts::fail(ErrorKind::Invalid,
                                   "GitHub refused auto-merge for #" + std::to_string(pr.number) + ": " +
                                       (*merged)["errors"].dump().substr(0, 200),
                                   {}, 0, "allow auto-merge in the repository's settings");
        pr.autoMergeRequested = true;
    }
    return pr;
}

} // namespace devos::adapters
