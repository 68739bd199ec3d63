#include "sbom/spdx_document.hpp"

#include <cctype>
#include <devos/foundation/hash.hpp>
#include <nlohmann/json.hpp>

namespace devos::sbom {
namespace {

using Json = nlohmann::ordered_json;

Json packageJson(const SbomPackage& p) {
    Json out;
    out["name"] = p.dependency.name;
    out["SPDXID"] = spdxId("Package", p.dependency.name);
    if (!p.dependency.version.empty())
        out["versionInfo"] = p.dependency.version;
    if (p.debian)
        out["supplier"] = "Organization: Debian";
    out["downloadLocation"] = "NOASSERTION";
    out["filesAnalyzed"] = false;
    std::string source = "find_package(" + p.dependency.name + ")";
    if (!p.evidence.empty())
        source += " resolved to " + p.evidence;
    if (p.debian)
        source += ", from the Debian package " + p.debian->name + " " + p.debian->version;
    out["sourceInfo"] = source;
    out["licenseConcluded"] = "NOASSERTION";
    out["licenseDeclared"] = p.license;
    if (!p.licenseSource.empty())
        out["licenseComments"] = "declared in " + p.licenseSource;
    out["copyrightText"] = "NOASSERTION";
    if (p.debian && !p.debian->version.empty())
        out["externalRefs"] = Json::array({{{"referenceCategory", "PACKAGE-MANAGER"},
                                            {"referenceType", "purl"},
                                            {"referenceLocator", p.debian->purl()}}});
    return out;
}

Json relationship(const std::string& from, const std::string& type, const std::string& to) {
    return {{"spdxElementId", from}, {"relationshipType", type}, {"relatedSpdxElement", to}};
}

} // namespace

std::string spdxId(const std::string& prefix, const std::string& name) {
    std::string out = "SPDXRef-" + prefix + "-";
    for (char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '-';
    return out;
}

std::string renderSpdx(const SbomDocument& document) {
    const std::string root = spdxId("Repo", document.projectName);
    Json packages = Json::array();
    packages.push_back({{"name", document.projectName},
                        {"SPDXID", root},
                        {"downloadLocation", "NOASSERTION"},
                        {"filesAnalyzed", false},
                        {"licenseConcluded", "NOASSERTION"},
                        {"licenseDeclared", "NOASSERTION"},
                        {"copyrightText", "NOASSERTION"},
                        {"primaryPackagePurpose", "APPLICATION"}});
    Json relationships = Json::array({relationship("SPDXRef-DOCUMENT", "DESCRIBES", root)});
    std::map<std::string, std::string> extracted; // LicenseRef -> text, sorted
    for (const auto& p : document.packages) {
        packages.push_back(packageJson(p));
        relationships.push_back(relationship(root, "DEPENDS_ON", spdxId("Package", p.dependency.name)));
        for (const auto& [ref, text] : p.licenseTexts)
            if (!extracted.contains(ref) || extracted[ref].empty())
                extracted[ref] = text.empty()
                                     ? "See " + (p.licenseSource.empty() ? "the package" : p.licenseSource)
                                     : text;
    }

    Json doc;
    doc["spdxVersion"] = "SPDX-2.3";
    doc["dataLicense"] = "CC0-1.0";
    doc["SPDXID"] = "SPDXRef-DOCUMENT";
    doc["name"] = document.projectName;
    doc["documentNamespace"] = "";
    doc["creationInfo"] = {{"created", ""},
                           {"creators", Json::array({"Tool: devos-" + document.toolVersion})}};
    if (!document.recordSource.empty())
        doc["creationInfo"]["comment"] =
            "Packages from the dependency record: " + document.recordSource + ".";
    doc["packages"] = std::move(packages);
    doc["relationships"] = std::move(relationships);
    if (!extracted.empty()) {
        Json infos = Json::array();
        for (const auto& [ref, text] : extracted)
            infos.push_back({{"licenseId", ref}, {"extractedText", text}, {"name", ref.substr(11)}});
        doc["hasExtractedLicensingInfos"] = std::move(infos);
    }
    doc["documentNamespace"] = "https://devos.invalid/spdx/" +
                               spdxId("Repo", document.projectName).substr(13) + "-" +
                               foundation::fnv1a64Hex(doc.dump());
    doc["creationInfo"]["created"] = document.created;
    return doc.dump(2) + "\n";
}

} // namespace devos::sbom
