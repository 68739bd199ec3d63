#pragma once
// Text made safe for the places the report puts it: HTML and SVG text and attributes, and JSON
// inside a <script> element.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace devos::report {

// `text` with & < > " ' as character references: safe in element content and quoted attributes.
[[nodiscard]] std::string escapeHtml(std::string_view text);

// `value` as compact JSON that cannot end its <script> element: < > & and U+2028/U+2029 escaped
// (every non-ASCII character is written as \uXXXX).
[[nodiscard]] std::string jsonForScript(const nlohmann::json& value);

} // namespace devos::report
