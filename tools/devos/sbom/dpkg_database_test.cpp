#include "sbom/dpkg_database.hpp"

#include <gtest/gtest.h>

namespace devos::sbom {
namespace {

const char* kStatus = "Package: zlib1g-dev\n"
                      "Status: install ok installed\n"
                      "Architecture: amd64\n"
                      "Multi-Arch: same\n"
                      "Version: 1:1.2.13.dfsg-1\n"
                      "Description: compression library - development\n"
                      " zlib is a library implementing the deflate compression method\n"
                      "\n"
                      "Package: nlohmann-json3-dev\n"
                      "Status: install ok installed\n"
                      "Architecture: all\n"
                      "Version: 3.11.2-2\n"
                      "\n"
                      "Package: gone\n"
                      "Status: deinstall ok config-files\n"
                      "Architecture: amd64\n"
                      "Version: 1.0\n";

TEST(DpkgDatabase, TheOwnerOfAFileComesWithItsVersionAndArchitecture) {
    DpkgDatabase db;
    db.addStatus(kStatus);
    db.addFileList("zlib1g-dev:amd64", "/.\n/usr\n/usr/lib/x86_64-linux-gnu/libz.so\n/usr/include/zlib.h\n");
    db.addFileList("nlohmann-json3-dev", "/usr/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake\n");
    EXPECT_EQ(db.owner("/usr/lib/x86_64-linux-gnu/libz.so"),
              (DebianPackage{"zlib1g-dev", "1:1.2.13.dfsg-1", "amd64"}));
    EXPECT_EQ(db.owner("/usr/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake"),
              (DebianPackage{"nlohmann-json3-dev", "3.11.2-2", "all"}));
    EXPECT_EQ(db.owner("/lib/x86_64-linux-gnu/libz.so", "/usr/lib/x86_64-linux-gnu/libz.so")->name,
              "zlib1g-dev");
    EXPECT_FALSE(db.owner("/usr/local/lib/cmake/Mine/MineConfig.cmake"));
    EXPECT_FALSE(db.owner(""));
}

// Loaded for an SBOM, only the paths it asks about are kept; their owners are the same.
TEST(DpkgDatabase, OnlyTheAskedPathsAreKept) {
    DpkgDatabase db;
    db.addStatus(kStatus);
    const std::set<std::string> only{"/usr/include/zlib.h"};
    db.addFileList("zlib1g-dev:amd64", "/usr/lib/x86_64-linux-gnu/libz.so\n/usr/include/zlib.h\n", &only);
    EXPECT_EQ(db.owner("/usr/include/zlib.h"), (DebianPackage{"zlib1g-dev", "1:1.2.13.dfsg-1", "amd64"}));
    EXPECT_FALSE(db.owner("/usr/lib/x86_64-linux-gnu/libz.so"));
}

TEST(DpkgDatabase, APackageNotInstalledHasNoVersion) {
    DpkgDatabase db;
    db.addStatus(kStatus);
    db.addFileList("gone:amd64", "/usr/lib/libgone.so\n");
    EXPECT_EQ(db.owner("/usr/lib/libgone.so"), (DebianPackage{"gone", "", ""}));
}

TEST(DpkgDatabase, PurlsEncodeWhatAVersionMayNotHold) {
    EXPECT_EQ((DebianPackage{"zlib1g-dev", "1:1.2.13.dfsg-1", "amd64"}).purl(),
              "pkg:deb/debian/zlib1g-dev@1:1.2.13.dfsg-1?arch=amd64");
    EXPECT_EQ((DebianPackage{"libstdc++6", "12.2.0-14+deb12u1", "amd64"}).purl(),
              "pkg:deb/debian/libstdc%2B%2B6@12.2.0-14%2Bdeb12u1?arch=amd64");
}

} // namespace
} // namespace devos::sbom
