#include "sbom/spdx_document.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace devos::sbom {
namespace {

SbomDocument sample() {
    SbomPackage zlib;
    zlib.dependency = {.name = "ZLIB",
                       .version = "1.2.13",
                       .found = true,
                       .required = true,
                       .location = "/usr/share/cmake-3.25/Modules/FindZLIB.cmake",
                       .listFile = "/repo/CMakeLists.txt",
                       .config = "",
                       .library = "/usr/lib/x86_64-linux-gnu/libz.so"};
    zlib.evidence = zlib.dependency.library;
    zlib.debian = DebianPackage{"zlib1g-dev", "1:1.2.13.dfsg-1", "amd64"};
    zlib.license = "Zlib";
    zlib.licenseSource = "/usr/share/doc/zlib1g-dev/copyright";
    SbomPackage sqlite = zlib;
    sqlite.dependency.name = "SQLite3";
    sqlite.debian = DebianPackage{"libsqlite3-dev", "3.40.1-2", "amd64"};
    sqlite.license = "LicenseRef-public-domain";
    sqlite.licenseTexts = {{"LicenseRef-public-domain", "The author disclaims copyright."}};
    SbomPackage mine;
    mine.dependency.name = "My Lib";
    mine.dependency.found = true;
    return {.projectName = "orders",
            .toolVersion = "0.9.0",
            .created = "2024-01-01T00:00:00Z",
            .packages = {zlib, sqlite, mine},
            .recordSource = "cmake cache + codemodel"};
}

TEST(SpdxDocument, TheRepoDependsOnEveryPackage) {
    auto doc = nlohmann::json::parse(renderSpdx(sample()));
    EXPECT_EQ(doc["spdxVersion"], "SPDX-2.3");
    EXPECT_EQ(doc["dataLicense"], "CC0-1.0");
    EXPECT_EQ(doc["SPDXID"], "SPDXRef-DOCUMENT");
    EXPECT_EQ(doc["creationInfo"]["created"], "2024-01-01T00:00:00Z");
    EXPECT_EQ(doc["creationInfo"]["creators"][0], "Tool: devos-0.9.0");
    EXPECT_EQ(doc["creationInfo"]["comment"],
              "Packages from the dependency record: cmake cache + codemodel.");
    ASSERT_EQ(doc["packages"].size(), 4u);
    EXPECT_EQ(doc["packages"][0]["SPDXID"], "SPDXRef-Repo-orders");
    const auto& zlib = doc["packages"][1];
    EXPECT_EQ(zlib["name"], "ZLIB");
    EXPECT_EQ(zlib["versionInfo"], "1.2.13");
    EXPECT_EQ(zlib["licenseDeclared"], "Zlib");
    EXPECT_EQ(zlib["externalRefs"][0]["referenceType"], "purl");
    EXPECT_EQ(zlib["externalRefs"][0]["referenceLocator"],
              "pkg:deb/debian/zlib1g-dev@1:1.2.13.dfsg-1?arch=amd64");
    const auto& mine = doc["packages"][3];
    EXPECT_EQ(mine["SPDXID"], "SPDXRef-Package-My-Lib");
    EXPECT_EQ(mine["licenseDeclared"], "NOASSERTION");
    EXPECT_FALSE(mine.contains("externalRefs"));
    EXPECT_FALSE(mine.contains("versionInfo"));

    ASSERT_EQ(doc["relationships"].size(), 4u);
    EXPECT_EQ(doc["relationships"][0], (nlohmann::json{{"spdxElementId", "SPDXRef-DOCUMENT"},
                                                       {"relationshipType", "DESCRIBES"},
                                                       {"relatedSpdxElement", "SPDXRef-Repo-orders"}}));
    EXPECT_EQ(doc["relationships"][3]["relationshipType"], "DEPENDS_ON");
    EXPECT_EQ(doc["relationships"][3]["relatedSpdxElement"], "SPDXRef-Package-My-Lib");

    ASSERT_EQ(doc["hasExtractedLicensingInfos"].size(), 1u);
    EXPECT_EQ(doc["hasExtractedLicensingInfos"][0]["licenseId"], "LicenseRef-public-domain");
    EXPECT_EQ(doc["hasExtractedLicensingInfos"][0]["extractedText"], "The author disclaims copyright.");
}

TEST(SpdxDocument, TheNamespaceHashesTheContentButNotTheTime) {
    SbomDocument a = sample();
    SbomDocument b = sample();
    b.created = "2025-06-01T12:00:00Z";
    auto namespaceOf = [](const SbomDocument& d) {
        return nlohmann::json::parse(renderSpdx(d))["documentNamespace"].get<std::string>();
    };
    EXPECT_EQ(renderSpdx(a), renderSpdx(sample()));
    EXPECT_EQ(namespaceOf(a), namespaceOf(b));
    EXPECT_EQ(namespaceOf(a).rfind("https://devos.invalid/spdx/orders-", 0), 0u);
    b.packages[0].license = "MIT";
    EXPECT_NE(namespaceOf(a), namespaceOf(b));
}

} // namespace
} // namespace devos::sbom
