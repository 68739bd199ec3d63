#include <devos/adapters/yaml_config_file_reader.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters {
namespace {

std::string writeFile(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / ("devos_yaml_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path) << text;
    return path.string();
}

} // namespace

TEST(YamlConfigFileReader, FlattensMappingsAndListsWithLines) {
    const auto path =
        writeFile("ok.yml", "enabled: true\nslo:\n  maxAttemptsPerPattern: 2\n  timeWindow: \"1 day\"\n"
                            "pausedPatterns: []\npaths:\n  sensitive: [\"a/**\", b]\nempty: {}\n");
    auto doc = YamlConfigFileReader().read(path, ".devos/self-heal.yml");
    ASSERT_TRUE(doc) << doc.error().render();
    ASSERT_TRUE(*doc);
    const auto& e = (*doc)->entries;
    ASSERT_EQ(e.size(), 5u);
    EXPECT_EQ(e[0].key, "enabled");
    EXPECT_EQ(e[0].scalar, "true");
    EXPECT_EQ(e[1].key, "slo.maxAttemptsPerPattern");
    EXPECT_EQ(e[1].line, 3u);
    EXPECT_EQ(e[2].scalar, "1 day");
    EXPECT_TRUE(e[3].isList);
    EXPECT_TRUE(e[3].list.empty());
    EXPECT_EQ(e[4].key, "paths.sensitive");
    EXPECT_EQ(e[4].list, (std::vector<std::string>{"a/**", "b"}));
    EXPECT_EQ((*doc)->origin, ".devos/self-heal.yml");
}

TEST(YamlConfigFileReader, AMissingFileIsNotAnError) {
    auto doc = YamlConfigFileReader().read("/nonexistent/self-heal.yml", "x");
    ASSERT_TRUE(doc);
    EXPECT_FALSE(*doc);
}

TEST(YamlConfigFileReader, BadYamlNamesTheFileAndLine) {
    auto broken =
        YamlConfigFileReader().read(writeFile("bad.yml", "enabled: true\nslo:\n  x: [1, 2\n"), "s.yml");
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().file, "s.yml");
    EXPECT_GT(broken.error().line, 0u);
    EXPECT_NE(broken.error().message.find("invalid YAML"), std::string::npos);
    auto scalar = YamlConfigFileReader().read(writeFile("scalar.yml", "just text\n"), "s.yml");
    ASSERT_FALSE(scalar);
    EXPECT_EQ(scalar.error().message, "expected a mapping at the top level");
    auto nested =
        YamlConfigFileReader().read(writeFile("nested.yml", "pausedPatterns:\n  - {a: 1}\n"), "s.yml");
    ASSERT_FALSE(nested);
    EXPECT_EQ(nested.error().line, 2u);
    // yaml-cpp reads some binary bytes (here a comma, then a byte that is not UTF-8) as an empty
    // document: such a file is an error at its line, never the defaults.
    auto binary =
        YamlConfigFileReader().read(writeFile("binary.yml", "enabled: true\n,\xA4\x02\x80\n"), "s.yml");
    ASSERT_FALSE(binary);
    EXPECT_EQ(binary.error().file, "s.yml");
    EXPECT_EQ(binary.error().line, 2u);
    EXPECT_NE(binary.error().message.find("not a YAML text file: byte 16"), std::string::npos)
        << binary.error().message;
    auto empty = YamlConfigFileReader().read(writeFile("empty.yml", ""), "s.yml");
    ASSERT_TRUE(empty && *empty);
    EXPECT_TRUE((*empty)->entries.empty());
}

} // namespace devos::adapters
