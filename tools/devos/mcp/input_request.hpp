#pragma once
// Asking the user for arguments a tool call lacks, the 2026-07-28 way (multi round-trip requests):
// the server answers `resultType: "input_required"` with a form elicitation, and the client retries
// the same tools/call with `inputResponses`. The retry is untrusted input, read strictly here. Pure:
// JSON in, JSON or a message out.
#include <expected>
#include <nlohmann/json.hpp>
#include <string>

namespace devos::mcp {

// A form to put to the user: what to say and the flat object schema of the fields (elicitation form
// mode: string, number, integer, boolean properties; `required` names the fields the form must fill).
struct InputForm {
    std::string message;
    nlohmann::json requestedSchema;
};

// The key of DevOS's one input request in `inputRequests` and `inputResponses`.
inline constexpr const char* kInputRequestKey = "missing_arguments";

// Whether `clientCapabilities` (the request's _meta) declares form elicitation: `elicitation: {}`
// (form, as 2025-11-25 reads an empty object) or `elicitation: {form: {...}}`.
[[nodiscard]] bool canElicitForm(const nlohmann::json& clientCapabilities);

// The InputRequiredResult asking `form` under kInputRequestKey (no requestState: the retry carries
// the original arguments, so the server starts over with them).
[[nodiscard]] nlohmann::json inputRequiredResult(const InputForm& form);

// The user's answer: accepted with the form's fields, or declined / cancelled ("decline", "cancel").
struct InputAnswer {
    bool accepted = false;
    std::string action;
    nlohmann::json content; // the fields, when accepted
};

// Reads the answer to `form` from a retry's `inputResponses`. The error (the caller's -32602) says
// what is wrong: not an object, no kInputRequestKey entry, an action other than accept, decline or
// cancel, or accepted content that is not an object of exactly the form's fields, each of its type
// and length.
[[nodiscard]] std::expected<InputAnswer, std::string> readInputResponse(const nlohmann::json& inputResponses,
                                                                        const InputForm& form);

} // namespace devos::mcp
