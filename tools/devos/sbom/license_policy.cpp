#include "sbom/license_policy.hpp"

#include "sbom/spdx_expression.hpp"

#include <vector>

namespace devos::sbom {
namespace {

using Kind = LicenseVerdict::Kind;

const LicenseRules::Entry* listed(const std::vector<LicenseRules::Entry>& list, const std::string& id,
                                  const std::string& term) {
    for (const auto& e : list)
        if (e.license == id || e.license == term)
            return &e;
    return nullptr;
}

// One term: "MIT" or "GPL-2.0-or-later WITH Bison-exception-2.2".
LicenseVerdict evaluateTerm(const std::string& term, const LicenseRules& rules) {
    std::string id = term.substr(0, term.find(' '));
    if (const auto* denied = listed(rules.deny, id, term))
        return {Kind::Denied, id, denied->line};
    if (!rules.allow.empty() && !listed(rules.allow, id, term))
        return {Kind::NotAllowed, id, rules.allowLine};
    return {Kind::Accepted, id, 0};
}

// The verdict on one parsed expression: an OR accepted when one operand is, an AND when all are;
// otherwise the first failure.
LicenseVerdict evaluate(const SpdxExpression& expression, const LicenseRules& rules) {
    if (expression.kind == SpdxExpression::Kind::License)
        return evaluateTerm(expression.license, rules);
    LicenseVerdict firstFailure;
    for (const auto& operand : expression.operands) {
        LicenseVerdict verdict = evaluate(operand, rules);
        if (expression.kind == SpdxExpression::Kind::Or && verdict.kind == Kind::Accepted)
            return {};
        if (verdict.kind != Kind::Accepted && firstFailure.kind == Kind::Accepted)
            firstFailure = verdict;
        if (expression.kind == SpdxExpression::Kind::And && verdict.kind != Kind::Accepted)
            return firstFailure;
    }
    return firstFailure;
}

} // namespace

LicenseVerdict evaluateLicense(const std::string& expression, const LicenseRules& rules) {
    if (expression.empty() || expression == "NOASSERTION" || expression == "NONE")
        return rules.allow.empty() ? LicenseVerdict{}
                                   : LicenseVerdict{Kind::Unknown, "NOASSERTION", rules.allowLine};
    auto parsed = parseSpdxExpression(expression);
    if (!parsed && (!rules.allow.empty() || !rules.deny.empty()))
        return {Kind::Malformed, parsed.error().message, rules.allowLine};
    if (!parsed)
        return {}; // no license rules: nothing to hold it to
    return evaluate(*parsed, rules);
}

} // namespace devos::sbom
