#pragma once
// Checks tool arguments against the tool's inputSchema before the tool runs, so a bad argument becomes
// an isError result naming the argument and the allowed values (SEP-1303) instead of a crash or a
// silent default. Covers the JSON Schema subset DevOS's tools use: type, properties, required,
// additionalProperties:false, enum, items, minimum, maximum, minLength, maxLength, maxItems. The
// arguments object itself is always closed: an argument its schema does not name is refused (the
// advertised schemas leave out additionalProperties:false to keep tools/list small).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace devos::mcp {

// nullopt when `value` conforms to `schema`, else one message: "argument `k` must be ... (got ...)".
[[nodiscard]] std::optional<std::string> argumentProblem(const nlohmann::json& schema,
                                                         const nlohmann::json& value);

} // namespace devos::mcp
