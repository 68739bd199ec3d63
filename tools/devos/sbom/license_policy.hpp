#pragma once
#include "sbom/license_rules.hpp"

#include <string>

namespace devos::sbom {

// What the repo's license policy says about one package's license expression.
struct LicenseVerdict {
    enum class Kind { Accepted, Denied, NotAllowed, Unknown, Malformed };
    Kind kind = Kind::Accepted;
    std::string license;   // the license that decided it (Denied, NotAllowed), or why it is Malformed
    unsigned ruleLine = 0; // the config line behind the verdict (the deny entry, or `allow:`)
    bool operator==(const LicenseVerdict&) const = default;
};

// Evaluates an SPDX expression (parseSpdxExpression: ids joined by AND / OR, an id optionally `WITH`
// an exception, parentheses; AND binds tighter) against `rules`; Malformed when it does not parse and
// there are rules to hold it to. An OR is accepted when one of its alternatives is; an AND when
// all its ids are. An id is denied when it (or `id WITH exception`) is on `deny`; with an `allow`
// list, one not on it is NotAllowed. NOASSERTION (or an empty expression) is Unknown under an allow
// list and Accepted without one. Of several failing alternatives the first is reported.
[[nodiscard]] LicenseVerdict evaluateLicense(const std::string& expression, const LicenseRules& rules);

} // namespace devos::sbom
