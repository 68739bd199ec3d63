#include "sbom/copyright_file.hpp"

#include <gtest/gtest.h>

namespace devos::sbom {
namespace {

const char* kHeader = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                      "Upstream-Name: thing\n";

TEST(CopyrightFile, TheFilesStarParagraphDeclaresThePackage) {
    std::string text = std::string(kHeader) +
                       "\n"
                       "Files: debian/*\n"
                       "Copyright: 2020 A Packager\n"
                       "License: GPL-2+\n"
                       "\n"
                       "Files: *\n"
                       "Copyright: 1995-2022 Upstream\n"
                       "License: Zlib\n"
                       "\n"
                       "Files: contrib/minizip/*\n"
                       "License: BSD-3-clause\n"
                       "\n"
                       "License: Zlib\n"
                       " This software is provided 'as-is', without any express or implied\n"
                       " warranty.\n";
    EXPECT_EQ(licenseFromCopyright(text), (CopyrightLicense{"Zlib", {}}));
}

TEST(CopyrightFile, AHeaderLicenseDeclaresThePackageWhenNoFilesStar) {
    std::string text = std::string(kHeader) + "License: Apache-2.0\n\nFiles: src/*\nLicense: MIT\n";
    EXPECT_EQ(licenseFromCopyright(text).expression, "Apache-2.0");
}

TEST(CopyrightFile, WithoutEitherTheUpstreamParagraphsAreJoined) {
    std::string text = std::string(kHeader) + "\n"
                                              "Files: src/*\nLicense: Expat\n\n"
                                              "Files: tools/*\nLicense: BSD-3-clause\n\n"
                                              "Files: lib/*\nLicense: Expat\n\n"
                                              "Files: debian/*\nLicense: GPL-2+\n";
    EXPECT_EQ(licenseFromCopyright(text).expression, "MIT AND BSD-3-Clause");
}

TEST(CopyrightFile, ALicenseRefCarriesTheTextTheFileGivesIt) {
    std::string text = std::string(kHeader) + "\n"
                                              "Files: *\n"
                                              "License: public-domain\n"
                                              "\n"
                                              "License: public-domain\n"
                                              " The author disclaims copyright to this source code.\n"
                                              " .\n"
                                              " May you do good and not evil.\n";
    auto license = licenseFromCopyright(text);
    EXPECT_EQ(license.expression, "LicenseRef-public-domain");
    ASSERT_EQ(license.licenseTexts.size(), 1u);
    EXPECT_EQ(license.licenseTexts.at("LicenseRef-public-domain"),
              "The author disclaims copyright to this source code.\n.\nMay you do good and not evil.");
}

TEST(CopyrightFile, AFreeTextFileIsNoAssertion) {
    std::string text = "This is the Debian prepackaged version of thing.\n"
                       "\n"
                       "Copyright (C) 1999 Someone\n"
                       "License: GPL, see /usr/share/common-licenses/GPL-2\n";
    EXPECT_EQ(licenseFromCopyright(text), CopyrightLicense{});
    EXPECT_EQ(licenseFromCopyright("").expression, "NOASSERTION");
    EXPECT_EQ(licenseFromCopyright(std::string(kHeader) + "\nFiles: debian/*\nLicense: GPL-2+\n").expression,
              "NOASSERTION"); // only the packaging's own license
}

} // namespace
} // namespace devos::sbom
