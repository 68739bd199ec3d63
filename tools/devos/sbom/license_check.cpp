#include "sbom/license_check.hpp"

#include "dependencies/call_site_findings.hpp"
#include "sbom/license_policy.hpp"

namespace devos::sbom {

std::vector<engine::Finding> checkLicenses(const std::vector<SbomPackage>& packages,
                                           const engine::Policy& policy, const std::string& root) {
    std::vector<engine::Finding> findings;
    if (policy.licenses.empty())
        return findings;
    dependencies::CallSiteFindings at(policy, root);
    for (const auto& p : packages) {
        LicenseVerdict verdict = evaluateLicense(p.license, policy.licenses);
        const std::string& name = p.dependency.name;
        std::string from = p.debian ? " (Debian package " + p.debian->name + ")" : "";
        switch (verdict.kind) {
        case LicenseVerdict::Kind::Accepted:
            break;
        case LicenseVerdict::Kind::Denied:
            at.add("dependency.license", engine::Level::Error, p.dependency,
                   "'" + name + "' is licensed " + p.license + from + ", and " + verdict.license +
                       " is denied in this repo",
                   verdict.ruleLine, "the license is denied here", findings);
            break;
        case LicenseVerdict::Kind::NotAllowed:
            at.add("dependency.license", engine::Level::Error, p.dependency,
                   "'" + name + "' is licensed " + p.license + from + ", and " + verdict.license +
                       " is not on the repo's allowed licenses",
                   verdict.ruleLine, "the allowed licenses are listed here", findings);
            break;
        case LicenseVerdict::Kind::Unknown:
            at.add("dependency.license", engine::Level::Warning, p.dependency,
                   "the license of '" + name + "' is unknown" +
                       (p.debian ? " (the copyright file of Debian package " + p.debian->name +
                                       " declares none DevOS reads)"
                                 : " (no installed package provides it)") +
                       ", and the repo allows only listed licenses",
                   verdict.ruleLine, "the allowed licenses are listed here", findings);
            break;
        }
    }
    engine::sortAndDeduplicate(findings);
    return findings;
}

} // namespace devos::sbom
