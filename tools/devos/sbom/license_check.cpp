#include "sbom/license_check.hpp"

#include "dependencies/call_site_findings.hpp"
#include "sbom/license_policy.hpp"

#include <devos/engine/allowed_findings.hpp>

namespace devos::sbom {

std::vector<engine::Finding> checkLicenses(const std::vector<SbomPackage>& packages,
                                           const LicenseRules& licenses, const engine::Policy& policy,
                                           const std::string& root) {
    std::vector<engine::Finding> findings;
    if (licenses.empty())
        return findings;
    dependencies::CallSiteFindings at(policy, root);
    for (const auto& p : packages) {
        LicenseVerdict verdict = evaluateLicense(p.license, licenses);
        if (verdict.kind == LicenseVerdict::Kind::Accepted)
            continue;
        const std::string& name = p.dependency.name;
        const std::string from = p.debian ? " (Debian package " + p.debian->name + ")" : "";
        engine::Level level = engine::Level::Error;
        std::string message;
        const char* note = "the allowed licenses are listed here";
        if (verdict.kind == LicenseVerdict::Kind::Denied) {
            message = "'" + name + "' is licensed " + p.license + from + ", and " + verdict.license +
                      " is denied in this repo";
            note = "the license is denied here";
        } else if (verdict.kind == LicenseVerdict::Kind::NotAllowed) {
            message = "'" + name + "' is licensed " + p.license + from + ", and " + verdict.license +
                      " is not on the repo's allowed licenses";
        } else if (verdict.kind == LicenseVerdict::Kind::Malformed) {
            level = engine::Level::Warning;
            message = "the license of '" + name + "' cannot be checked" + from + ": " + verdict.license;
        } else {
            level = engine::Level::Warning;
            message = "the license of '" + name + "' is unknown" +
                      (p.debian ? " (the copyright file of Debian package " + p.debian->name +
                                      " declares none DevOS reads)"
                                : " (no installed package provides it)") +
                      ", and the repo allows only listed licenses";
        }
        at.add("dependency.license", level, p.dependency, std::move(message), verdict.ruleLine, note,
               findings);
    }
    engine::applyAllowComments(findings, policy, root, engine::todayIso());
    return findings;
}

} // namespace devos::sbom
