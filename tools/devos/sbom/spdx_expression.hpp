#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace devos::sbom {

// An SPDX license expression (SPDX 2.3 Annex D) as a tree: a license term, or an AND / OR of
// operands.
struct SpdxExpression {
    enum class Kind { License, And, Or };
    Kind kind = Kind::License;
    std::string license; // License: "MIT", "GPL-2.0+", "GPL-3.0-or-later WITH Bison-exception-2.2"
    std::vector<SpdxExpression> operands; // And, Or: two or more
    bool operator==(const SpdxExpression&) const = default;
};

// Parses `text` by recursive descent: OR binds loosest, then AND, then WITH; parentheses group
// (`(MIT OR Apache-2.0) AND Zlib`); operators are all upper or all lower case. Invalid for an empty
// operand, an unbalanced parenthesis or a dangling operator, with the byte where it went wrong.
[[nodiscard]] foundation::Expected<SpdxExpression> parseSpdxExpression(std::string_view text);

} // namespace devos::sbom
