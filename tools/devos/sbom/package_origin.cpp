#include "sbom/package_origin.hpp"

#include "sbom/copyright_file.hpp"

#include <devos/engine/text_file.hpp>
#include <filesystem>

namespace devos::sbom {

SbomPackage describePackage(const dependencies::ResolvedDependency& dependency, const DpkgDatabase& dpkg,
                            const std::string& docRoot) {
    SbomPackage out;
    out.dependency = dependency;
    out.evidence = !dependency.config.empty() ? dependency.config : dependency.library;
    if (out.evidence.empty())
        return out;
    std::error_code ec;
    std::string canonical = std::filesystem::canonical(out.evidence, ec).string();
    out.debian = dpkg.owner(out.evidence, ec ? std::string{} : canonical);
    if (!out.debian)
        return out;
    std::string copyright = docRoot + "/" + out.debian->name + "/copyright";
    auto text = engine::readTextFile(copyright);
    if (!text)
        return out;
    CopyrightLicense license = licenseFromCopyright(*text);
    out.license = license.expression;
    out.licenseTexts = std::move(license.licenseTexts);
    out.licenseSource = copyright;
    return out;
}

} // namespace devos::sbom
