#include "sbom/debian_license.hpp"

#include <gtest/gtest.h>

namespace devos::sbom {
namespace {

TEST(DebianLicense, CommonShortNamesMapToSpdxIds) {
    EXPECT_EQ(spdxFromDebian("GPL-2+"), "GPL-2.0-or-later");
    EXPECT_EQ(spdxFromDebian("GPL-3"), "GPL-3.0-only");
    EXPECT_EQ(spdxFromDebian("LGPL-2.1+"), "LGPL-2.1-or-later");
    EXPECT_EQ(spdxFromDebian("AGPL-3+"), "AGPL-3.0-or-later");
    EXPECT_EQ(spdxFromDebian("Expat"), "MIT");
    EXPECT_EQ(spdxFromDebian("BSD-3-clause"), "BSD-3-Clause");
    EXPECT_EQ(spdxFromDebian("Apache-2.0"), "Apache-2.0");
    EXPECT_EQ(spdxFromDebian("Zlib"), "Zlib");
    EXPECT_EQ(spdxFromDebian("zlib"), "Zlib");
    EXPECT_EQ(spdxFromDebian("BSD-C3"), "BSD-3-Clause"); // libgtest-dev's name for it
}

TEST(DebianLicense, OperatorsAndExceptionsBecomeSpdxSyntax) {
    EXPECT_EQ(spdxFromDebian("Expat or GPL-2+"), "MIT OR GPL-2.0-or-later");
    EXPECT_EQ(spdxFromDebian("GPL-2+ and BSD-3-clause"), "GPL-2.0-or-later AND BSD-3-Clause");
    EXPECT_EQ(spdxFromDebian("GPL-2+ or Artistic, and BSD-2-clause"),
              "GPL-2.0-or-later OR Artistic-1.0 AND BSD-2-Clause");
    EXPECT_EQ(spdxFromDebian("GPL-3+ with Bison exception"), "GPL-3.0-or-later WITH Bison-exception-2.2");
    EXPECT_EQ(spdxFromDebian("GPL-3+ with OpenSSL exception"), "LicenseRef-GPL-3--with-OpenSSL-exception");
}

TEST(DebianLicense, UnknownNamesBecomeLicenseRefs) {
    EXPECT_EQ(spdxFromDebian("public-domain"), "LicenseRef-public-domain");
    EXPECT_EQ(spdxFromDebian("U-OF-I-BSD-LIKE"), "LicenseRef-U-OF-I-BSD-LIKE");
    EXPECT_EQ(licenseRef("Permissive (see below)"), "LicenseRef-Permissive--see-below-");
    EXPECT_EQ(spdxFromDebian("Expat\n Permission is hereby granted..."), "MIT"); // only the first line
}

} // namespace
} // namespace devos::sbom
