#include "sbom/license_policy.hpp"

#include <sstream>
#include <vector>

namespace devos::sbom {
namespace {

using Kind = LicenseVerdict::Kind;

const engine::LicenseRules::Entry* listed(const std::vector<engine::LicenseRules::Entry>& list,
                                          const std::string& id, const std::string& term) {
    for (const auto& e : list)
        if (e.license == id || e.license == term)
            return &e;
    return nullptr;
}

// One term: "MIT" or "GPL-2.0-or-later WITH Bison-exception-2.2".
LicenseVerdict evaluateTerm(const std::string& term, const engine::LicenseRules& rules) {
    std::string id = term.substr(0, term.find(' '));
    if (const auto* denied = listed(rules.deny, id, term))
        return {Kind::Denied, id, denied->line};
    if (!rules.allow.empty() && !listed(rules.allow, id, term))
        return {Kind::NotAllowed, id, rules.allowLine};
    return {Kind::Accepted, id, 0};
}

// Splits on a whole-word operator ("OR", "AND").
std::vector<std::string> split(const std::string& expression, const std::string& op) {
    std::vector<std::string> parts(1);
    std::istringstream words(expression);
    for (std::string word; words >> word;) {
        if (word == op)
            parts.emplace_back();
        else
            parts.back() += (parts.back().empty() ? "" : " ") + word;
    }
    return parts;
}

} // namespace

LicenseVerdict evaluateLicense(const std::string& expression, const engine::LicenseRules& rules) {
    if (expression.empty() || expression == "NOASSERTION" || expression == "NONE")
        return rules.allow.empty() ? LicenseVerdict{}
                                   : LicenseVerdict{Kind::Unknown, "NOASSERTION", rules.allowLine};
    LicenseVerdict firstFailure;
    for (const auto& alternative : split(expression, "OR")) {
        LicenseVerdict verdict;
        for (const auto& term : split(alternative, "AND")) {
            verdict = evaluateTerm(term, rules);
            if (verdict.kind != Kind::Accepted)
                break;
        }
        if (verdict.kind == Kind::Accepted)
            return {};
        if (firstFailure.kind == Kind::Accepted)
            firstFailure = verdict;
    }
    return firstFailure;
}

} // namespace devos::sbom
