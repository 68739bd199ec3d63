#include "mcp/input_request.hpp"

#include "mcp/tool_arguments.hpp"

namespace devos::mcp {

using nlohmann::json;

bool canElicitForm(const json& clientCapabilities) {
    if (!clientCapabilities.is_object() || !clientCapabilities.contains("elicitation"))
        return false;
    const json& elicitation = clientCapabilities["elicitation"];
    return elicitation.is_object() && (elicitation.empty() || elicitation.contains("form"));
}

json inputRequiredResult(const InputForm& form) {
    return {
        {"resultType", "input_required"},
        {"inputRequests",
         {{kInputRequestKey,
           {{"method", "elicitation/create"},
            {"params",
             {{"mode", "form"}, {"message", form.message}, {"requestedSchema", form.requestedSchema}}}}}}}};
}

std::expected<InputAnswer, std::string> readInputResponse(const json& inputResponses, const InputForm& form) {
    const std::string key = kInputRequestKey;
    if (!inputResponses.is_object())
        return std::unexpected("inputResponses must be an object keyed by the input request ids");
    if (!inputResponses.contains(key))
        return std::unexpected("inputResponses has no answer to the input request \"" + key + "\"");
    const json& response = inputResponses[key];
    if (!response.is_object() || !response.contains("action") || !response["action"].is_string())
        return std::unexpected("inputResponses." + key +
                               " must be an elicitation result: an object with \"action\" (accept, "
                               "decline or cancel)");
    InputAnswer answer;
    answer.action = response["action"];
    if (answer.action == "decline" || answer.action == "cancel")
        return answer;
    if (answer.action != "accept")
        return std::unexpected("inputResponses." + key + ".action must be accept, decline or cancel (got \"" +
                               answer.action + "\")");
    if (!response.contains("content") || !response["content"].is_object())
        return std::unexpected("inputResponses." + key + " accepts without \"content\": an object of " +
                               "the form's fields");
    if (auto problem = argumentProblem(form.requestedSchema, response["content"]))
        return std::unexpected("inputResponses." + key + ".content: " + *problem);
    answer.accepted = true;
    answer.content = response["content"];
    return answer;
}

} // namespace devos::mcp
