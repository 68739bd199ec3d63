#include "coverage/thresholds.hpp"

#include <devos/engine/config_section.hpp>
#include <gtest/gtest.h>

using namespace devos::coverage;
using devos::engine::gateSettings;

TEST(Thresholds, CoverageIsReadWithItsLine) {
    EXPECT_FALSE(Thresholds{}.coverage.has_value());
    auto ok = gateSettings<Thresholds>("tier: 2\nthresholds:\n  coverage: 87.5\n", "repo/.devos/devos.yml");
    ASSERT_TRUE(ok) << ok.error().render();
    EXPECT_EQ(ok->coverage, 87.5);
    EXPECT_EQ(ok->coverageLine, 3u);
}

TEST(Thresholds, MistakesNameTheFileAndLine) {
    auto unknown = gateSettings<Thresholds>("thresholds:\n  covrage: 80\n", "d.yml");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().file, "d.yml");
    EXPECT_EQ(unknown.error().line, 2u);
    EXPECT_NE(unknown.error().message.find("unknown key 'covrage'"), std::string::npos);

    auto text = gateSettings<Thresholds>("thresholds:\n  coverage: high\n", "d.yml");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().line, 2u);
    EXPECT_NE(text.error().message.find("must be a number"), std::string::npos);

    auto range = gateSettings<Thresholds>("\nthresholds: { coverage: 120 }\n", "d.yml");
    ASSERT_FALSE(range);
    EXPECT_EQ(range.error().line, 2u);
    EXPECT_NE(range.error().message.find("between 0 and 100"), std::string::npos);

    auto notMap = gateSettings<Thresholds>("thresholds: 80\n", "d.yml");
    ASSERT_FALSE(notMap);
    EXPECT_NE(notMap.error().message.find("must map"), std::string::npos);
}

// Issue 16 item 8: `.nan` passed the 0..100 check (every comparison with NaN is false) and
// disabled the coverage gate without a word.
TEST(Thresholds, NotANumberIsRefused) {
    for (const char* nan : {".nan", ".NaN", ".inf", "-.inf"}) {
        auto parsed =
            gateSettings<Thresholds>(std::string("thresholds:\n  coverage: ") + nan + "\n", "d.yml");
        ASSERT_FALSE(parsed) << nan;
        EXPECT_EQ(parsed.error().line, 2u);
        EXPECT_NE(parsed.error().message.find("between 0 and 100"), std::string::npos);
    }
}
