#include "sbom/license_policy.hpp"

#include <gtest/gtest.h>

namespace devos::sbom {
namespace {

using Kind = LicenseVerdict::Kind;

LicenseRules rules(std::vector<std::string> allow, std::vector<std::string> deny) {
    LicenseRules out;
    unsigned line = 2;
    for (auto& id : allow)
        out.allow.push_back({std::move(id), ++line});
    for (auto& id : deny)
        out.deny.push_back({std::move(id), ++line});
    out.allowLine = out.allow.empty() ? 0 : 2;
    return out;
}

TEST(LicensePolicy, ADeniedLicenseIsReportedWithItsLine) {
    auto r = rules({}, {"GPL-3.0-only", "AGPL-3.0-or-later"});
    EXPECT_EQ(evaluateLicense("GPL-3.0-only", r), (LicenseVerdict{Kind::Denied, "GPL-3.0-only", 3}));
    EXPECT_EQ(evaluateLicense("MIT AND AGPL-3.0-or-later", r),
              (LicenseVerdict{Kind::Denied, "AGPL-3.0-or-later", 4}));
    EXPECT_EQ(evaluateLicense("MIT", r).kind, Kind::Accepted);
    EXPECT_EQ(evaluateLicense("NOASSERTION", r).kind, Kind::Accepted); // no allow list: nothing to hold it to
}

TEST(LicensePolicy, AnAllowListAcceptsOnlyWhatItLists) {
    auto r = rules({"MIT", "BSD-3-Clause", "GPL-3.0-or-later WITH Bison-exception-2.2"}, {"GPL-2.0-only"});
    EXPECT_EQ(evaluateLicense("BSD-3-Clause", r).kind, Kind::Accepted);
    EXPECT_EQ(evaluateLicense("Zlib", r), (LicenseVerdict{Kind::NotAllowed, "Zlib", 2}));
    EXPECT_EQ(evaluateLicense("GPL-3.0-or-later WITH Bison-exception-2.2", r).kind, Kind::Accepted);
    EXPECT_EQ(evaluateLicense("NOASSERTION", r), (LicenseVerdict{Kind::Unknown, "NOASSERTION", 2}));
    EXPECT_EQ(evaluateLicense("", r).kind, Kind::Unknown);
}

TEST(LicensePolicy, OneAcceptableAlternativeOfAnOrIsEnough) {
    auto r = rules({"MIT"}, {"GPL-2.0-only"});
    EXPECT_EQ(evaluateLicense("GPL-2.0-only OR MIT", r).kind, Kind::Accepted);
    EXPECT_EQ(evaluateLicense("GPL-2.0-only OR Zlib", r), (LicenseVerdict{Kind::Denied, "GPL-2.0-only", 4}));
    EXPECT_EQ(evaluateLicense("MIT AND Zlib OR MIT", r).kind, Kind::Accepted); // AND binds tighter
}

TEST(LicensePolicy, ParenthesesGroupAlternatives) {
    auto r = rules({"MIT", "Zlib"}, {"GPL-2.0-only"});
    EXPECT_EQ(evaluateLicense("(MIT OR Apache-2.0) AND Zlib", r).kind, Kind::Accepted);
    EXPECT_EQ(evaluateLicense("(GPL-2.0-only OR Apache-2.0) AND Zlib", r),
              (LicenseVerdict{Kind::Denied, "GPL-2.0-only", 5}));
    EXPECT_EQ(evaluateLicense("(MIT OR GPL-2.0-only) AND (Zlib OR BSD-3-Clause)", r).kind, Kind::Accepted);
    EXPECT_EQ(evaluateLicense("MIT AND (Zlib OR GPL-2.0-only)", r).kind, Kind::Accepted);
}

TEST(LicensePolicy, AMalformedExpressionCannotPass) {
    auto verdict = evaluateLicense("(MIT OR Zlib", rules({"MIT"}, {}));
    EXPECT_EQ(verdict.kind, Kind::Malformed);
    EXPECT_NE(verdict.license.find("')' is missing"), std::string::npos) << verdict.license;
    EXPECT_EQ(evaluateLicense("MIT OR", rules({}, {"GPL-2.0-only"})).kind, Kind::Malformed);
}

} // namespace
} // namespace devos::sbom
