#include <devos/logic/path_glob.hpp>
#include <gtest/gtest.h>
#include <vector>

namespace devos::logic {

TEST(PathGlob, FirstMatchingGlobNamesThePattern) {
    const std::vector<std::string> patterns{".github/**", "**/payment/**"};
    EXPECT_EQ(firstMatchingGlob(patterns, "src/payment/card.cpp"), "**/payment/**");
    EXPECT_EQ(firstMatchingGlob(patterns, "src/logic/pricing.cpp"), "");
}

} // namespace devos::logic
