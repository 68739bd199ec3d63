// POST /v1/chat/completions {"model", "messages": [system, user], "temperature": 0} ->
// {"choices": [{"message": {"content": "..."}}]}. The content is returned untouched; DevOS parses it.
#include "http_post.hpp"

#include <devos/adapters/http/chat_agent.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;

constexpr const char* kSystemPrompt =
    R"(You fix one failing C++ test in a repository. Answer ONLY with one or more edit blocks, nothing else
(no prose, no diff, no markdown besides the blocks). Each block is exactly:

path/relative/to/repo.cpp
<<<<<<< SEARCH
lines as they are now
=======
lines as they should be
>>>>>>> REPLACE

SEARCH must repeat whole current lines exactly (whitespace included) and occur exactly once in the
file. Edit only files shown to you. Never edit tests, build files or anything under .git/, never
add a dependency (find_package, FetchContent, target_link_libraries items, #include of a header
the repository does not have). Keep the change as small as possible.)";

std::string cut(const std::string& text, std::size_t max) {
    return text.size() <= max
               ? text
               : text.substr(0, max) + "\n[... cut by devos at " + std::to_string(max) + " bytes]\n";
}

} // namespace

std::string ChatAgent::userMessage(const contracts::AgentRequest& r) const {
    const auto& c = r.signal.context;
    std::string m = "The test `" + r.testName + "` fails at commit " + c.commitSha +
                    (c.branch.empty() ? "" : " on " + c.branch) + " (pattern " + r.signal.patternId +
                    ").\n\n" + "Failure message:\n```\n" + c.errorMessage + "\n```\n";
    if (!c.stackTrace.empty())
        m += "\nStack trace:\n```\n" + c.stackTrace + "\n```\n";
    if (!r.similarIncidents.empty()) {
        m += "\nSimilar past failures (cosine similarity, best first):\n";
        for (const auto& i : r.similarIncidents) {
            m += "\n- " + std::to_string(i.score).substr(0, 4) + " " + i.testName + " at " +
                 i.commitSha.substr(0, 12) + ": " + i.message.substr(0, i.message.find('\n')) + "\n";
            if (i.fix)
                m += "  It was fixed by commit " + i.fix->fixingCommit.substr(0, 12) + " with:\n```diff\n" +
                     cut(i.fix->diff, options_.maxFileBytes) + "```\n";
        }
    }
    m += "\nThe code at the failing commit:\n";
    for (const auto& f : r.codeContext)
        m += "\n" + f.path + "\n```cpp\n" + cut(f.content, options_.maxFileBytes) + "```\n";
    return m;
}

contracts::Expected<contracts::AgentAnswer> ChatAgent::proposeFix(const contracts::AgentRequest& request) {
    const std::string url = options_.baseUrl + "/v1/chat/completions";
    const nlohmann::json body = {{"model", options_.model},
                                 {"temperature", 0},
                                 {"messages",
                                  {{{"role", "system"}, {"content", kSystemPrompt}},
                                   {{"role", "user"}, {"content", userMessage(request)}}}}};
    std::vector<std::string> headers;
    if (!options_.apiKey.empty())
        headers.push_back("Authorization: Bearer " + options_.apiKey);
    auto reply = postJson(url, body.dump(), headers, options_.timeout);
    if (!reply) {
        const bool timedOut = reply.error().message.find("Timeout") != std::string::npos;
        return contracts::fail(
            ErrorKind::Unavailable,
            timedOut ? "the chat agent at " + url + " did not answer within " +
                           std::to_string(options_.timeout.count() / 1000) + " s"
                     : reply.error().message,
            {}, 0,
            timedOut ? "raise timeouts.agent in .devos/self-heal.yml or use a faster model"
                     : "check DEVOS_AGENT_URL (the server's base URL) and that the server runs");
    }
    if (reply->status != 200)
        return contracts::fail(
            reply->status == 429 || reply->status >= 500 ? ErrorKind::Unavailable : ErrorKind::Invalid,
            "POST " + url + " answered HTTP " + std::to_string(reply->status) + ": " +
                reply->body.substr(0, 200),
            {}, 0, "check the model name, the API key (DEVOS_AGENT_API_KEY) and the server's log");
    const auto json = nlohmann::json::parse(reply->body, nullptr, false);
    const nlohmann::json* content = nullptr;
    if (!json.is_discarded() && json.is_object() && json.contains("choices") && json["choices"].is_array() &&
        !json["choices"].empty() && json["choices"][0].is_object() &&
        json["choices"][0].contains("message") && json["choices"][0]["message"].is_object() &&
        json["choices"][0]["message"].contains("content") &&
        json["choices"][0]["message"]["content"].is_string())
        content = &json["choices"][0]["message"]["content"];
    if (content == nullptr)
        return contracts::fail(
            ErrorKind::Invalid,
            "POST " + url + ": the answer is not a chat completion (no choices[0].message.content)", {}, 0,
            "point DEVOS_AGENT_URL at an OpenAI-compatible /v1/chat/completions server");
    contracts::AgentAnswer answer;
    answer.model = json.contains("model") && json["model"].is_string() ? json["model"].get<std::string>()
                                                                       : options_.model;
    answer.text = content->get<std::string>();
    answer.confidence = 50;
    for (const auto& i : request.similarIncidents)
        if (i.fix)
            answer.references.push_back(i.fix->id);
    return answer;
}

} // namespace devos::adapters
