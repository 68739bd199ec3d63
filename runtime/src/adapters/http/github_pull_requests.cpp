// GitHub's REST API for the proposals' pull requests. Every call is a JSON POST or GET (http_post);
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

contracts::Expected<void> GitHubPullRequests::ready(const std::string& what) const {
    if (options_.token.empty())
        return contracts::fail(ErrorKind::Invalid, "DEVOS_GITHUB_TOKEN is not set: cannot " + what, {}, 0,
                               "export DEVOS_GITHUB_TOKEN with a token that may create pull requests in " +
                                   options_.repository);
    if (options_.repository.find('/') == std::string::npos)
        return contracts::fail(ErrorKind::Invalid,
                               "publish.repository '" + options_.repository + "' is not owner/name", {}, 0,
                               "set publish.repository in .devos/self-heal.yml");
    return {};
}

contracts::Expected<nlohmann::json> GitHubPullRequests::call(const std::string& path,
                                                             const nlohmann::json* body) {
    const std::vector<std::string> headers{"Authorization: Bearer " + options_.token,
                                           "Accept: application/vnd.github+json",
                                           "X-GitHub-Api-Version: 2022-11-28", "User-Agent: devos-self-heal"};
    const std::string method = body != nullptr ? "POST " : "GET ";
    const std::string url = options_.api + path;
    auto backoff = options_.initialBackoff;
    contracts::Expected<HttpReply> reply;
    for (unsigned attempt = 0;; ++attempt) {
        reply = body != nullptr ? postJson(url, body->dump(), headers, options_.timeout)
                                : getJson(url, headers, options_.timeout);
        if ((reply && !retryable(reply->status)) || attempt == options_.maxRetries)
            break;
        std::this_thread::sleep_for(backoff);
        backoff *= 2;
    }
    if (!reply)
        return contracts::fail(ErrorKind::Unavailable,
                               method + url + " failed after " + std::to_string(options_.maxRetries + 1) +
                                   " tries: " + reply.error().message,
                               {}, 0, "check that " + options_.api + " is reachable");
    if (reply->status == 401 || reply->status == 403)
        return contracts::fail(ErrorKind::Invalid,
                               "GitHub refused the token in DEVOS_GITHUB_TOKEN (HTTP " +
                                   std::to_string(reply->status) + " on " + method + path +
                                   "): " + messageOf(reply->body),
                               {}, 0, "use a token that may write pull requests to " + options_.repository);
    if (reply->status >= 300)
        return contracts::fail(
            retryable(reply->status) ? ErrorKind::Unavailable : ErrorKind::Invalid,
            method + path + " answered HTTP " + std::to_string(reply->status) + ": " + messageOf(reply->body),
            {}, 0,
            retryable(reply->status) ? "GitHub kept failing; try again later"
                                     : "check publish.repository and that the branch was pushed");
    auto json = nlohmann::json::parse(reply->body, nullptr, false);
    if (json.is_discarded())
        return contracts::fail(ErrorKind::Invalid,
                               method + path + " answered with something that is not JSON");
    return json;
}

contracts::Expected<std::optional<contracts::PullRequestStatus>>
GitHubPullRequests::find(const std::string& branch) {
    if (auto ok = ready("look up the pull request of " + branch); !ok)
        return std::unexpected(ok.error());
    const std::string owner = options_.repository.substr(0, options_.repository.find('/'));
    auto listed =
        call("/repos/" + options_.repository + "/pulls?state=all&head=" + owner + ":" + branch, nullptr);
    if (!listed)
        return std::unexpected(listed.error());
    if (!listed->is_array())
        return contracts::fail(ErrorKind::Invalid,
                               "GitHub's list of pull requests for " + branch + " is not a list");
    if (listed->empty())
        return std::optional<contracts::PullRequestStatus>{};
    const auto& pr = listed->front();
    if (!pr.is_object() || !pr.contains("number") || !pr["number"].is_number_integer() ||
        !pr.contains("state") || !pr["state"].is_string())
        return contracts::fail(ErrorKind::Invalid,
                               "GitHub's pull request for " + branch + " has no number or state");
    contracts::PullRequestStatus status;
    status.number = pr["number"].get<long>();
    status.open = pr["state"] == "open";
    status.merged = pr.contains("merged_at") && pr["merged_at"].is_string();
    return std::optional<contracts::PullRequestStatus>(status);
}

contracts::Expected<contracts::OpenedPullRequest>
GitHubPullRequests::open(const contracts::PullRequestSpec& spec) {
    if (auto ok = ready("open a pull request"); !ok)
        return std::unexpected(ok.error());
    const auto call = [this](const std::string& path, const nlohmann::json& body) {
        return this->call(path, &body);
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
