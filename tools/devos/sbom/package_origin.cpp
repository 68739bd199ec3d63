#include "sbom/package_origin.hpp"

#include "sbom/copyright_file.hpp"

#include <devos/foundation/files.hpp>
#include <filesystem>
#include <tuple>

namespace devos::sbom {
namespace {

// The file that shows where a dependency came from (its config file, else the library its Find
// module found) and that path with symlinks resolved (empty when it cannot be).
std::pair<std::string, std::string> evidenceOf(const dependencies::ResolvedDependency& dependency) {
    std::string evidence = !dependency.config.empty() ? dependency.config : dependency.library;
    std::error_code ec;
    std::string canonical = evidence.empty() ? "" : std::filesystem::canonical(evidence, ec).string();
    return {evidence, ec ? std::string{} : canonical};
}

} // namespace

std::set<std::string> evidencePaths(const std::vector<dependencies::ResolvedDependency>& dependencies) {
    std::set<std::string> paths;
    for (const auto& dependency : dependencies) {
        auto [evidence, canonical] = evidenceOf(dependency);
        for (const std::string& p : {evidence, canonical})
            if (!p.empty())
                paths.insert(p);
    }
    return paths;
}

SbomPackage describePackage(const dependencies::ResolvedDependency& dependency, const DpkgDatabase& dpkg,
                            const std::string& docRoot) {
    SbomPackage out;
    out.dependency = dependency;
    std::string canonical;
    std::tie(out.evidence, canonical) = evidenceOf(dependency);
    if (out.evidence.empty())
        return out;
    out.debian = dpkg.owner(out.evidence, canonical);
    if (!out.debian)
        return out;
    std::string copyright = docRoot + "/" + out.debian->name + "/copyright";
    auto text = foundation::readTextFile(copyright);
    if (!text)
        return out;
    CopyrightLicense license = licenseFromCopyright(*text);
    out.license = license.expression;
    out.licenseTexts = std::move(license.licenseTexts);
    out.licenseSource = copyright;
    return out;
}

} // namespace devos::sbom
