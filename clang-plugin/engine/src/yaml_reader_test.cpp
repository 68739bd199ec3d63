#include <devos/engine/yaml_reader.hpp>
#include <gtest/gtest.h>

using namespace devos::engine;

TEST(YamlReader, AFileThatIsNotTextIsAnErrorAtItsLineNeverAnEmptyDocument) {
    // yaml-cpp reads these bytes (a comma, then bytes that are not UTF-8) as an empty document, which
    // would silently load the defaults in place of a damaged .devos/devos.yml.
    const std::string damaged = "tier: 1\n,\xA4\x02\x80\n";
    auto loaded = YamlReader(".devos/devos.yml").load(damaged);
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().file, ".devos/devos.yml");
    EXPECT_EQ(loaded.error().line, 2u);
    EXPECT_EQ(loaded.error().message,
              "not a YAML text file: byte 10 is not UTF-8 text (a control byte or invalid UTF-8)");
    auto nul = YamlReader("cfg.yml").load(std::string("tier: 1\0", 8));
    ASSERT_FALSE(nul);
    EXPECT_EQ(nul.error().line, 1u);
}

TEST(YamlReader, TextWithTabsCarriageReturnsAndABomLoads) {
    auto loaded = YamlReader("cfg.yml").load("\xEF\xBB\xBFtier: 1\r\nname: caf\xC3\xA9 # \t\n");
    ASSERT_TRUE(loaded) << loaded.error().render();
    EXPECT_EQ((*loaded)["tier"].as<int>(), 1);
    EXPECT_EQ((*loaded)["name"].as<std::string>(), "caf\xC3\xA9");
}
