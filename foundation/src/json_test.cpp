#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <filesystem>
#include <gtest/gtest.h>

using namespace devos::foundation;

TEST(Json, ReportsTheLineOfTheOffendingByte) {
    // The same text, given to every JSON reader DevOS has, must blame line 6.
    std::string text = "[\n  {\"directory\": \"/tmp\",\n   \"file\": \"a.cpp\"\n  },\n\n  {oops}\n]\n";
    auto parsed = parseJson(text, "db.json", "the compile database", "re-run cmake");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(parsed.error().file, "db.json");
    EXPECT_EQ(parsed.error().line, 6u);
    EXPECT_EQ(parsed.error().message.rfind("the compile database is not valid JSON: ", 0), 0u)
        << parsed.error().message;
    EXPECT_EQ(parsed.error().hint, "re-run cmake");
}

TEST(Json, BlamesTheLineThatANewlineEnds) {
    // A raw newline inside a string: the offending byte is that newline, still on line 2.
    auto parsed = parseJson("{\n\"a\": \"b\nc\"}", "x.json", "the file");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().line, 2u);
}

TEST(Json, UnexpectedEndIsOnTheLastLine) {
    auto parsed = parseJson("{\n\"a\": 1,\n", "x.json", "the file");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().line, 3u);
}

TEST(Json, ANumberTooLargeIsAnErrorNotACrash) {
    // Found by fuzz.baseline: nlohmann throws out_of_range (not parse_error) for 1e555.
    auto parsed = parseJson("{\"version\": 5555555555555555e555555}", "baseline.json", "the baseline");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(parsed.error().file, "baseline.json");
    EXPECT_NE(parsed.error().message.find("number overflow"), std::string::npos) << parsed.error().message;
}

TEST(Json, ReadsAFileAndNamesAMissingOne) {
    auto dir = std::filesystem::path(testing::TempDir()) / "devos-json-test";
    std::filesystem::create_directories(dir);
    std::string path = (dir / "ok.json").string();
    ASSERT_TRUE(writeFileAtomically(path, R"({"version": 1})"));
    auto ok = readJsonFile(path, "the record");
    ASSERT_TRUE(ok) << ok.error().render();
    EXPECT_EQ((*ok)["version"], 1);
    auto missing = readJsonFile((dir / "none.json").string(), "the record", "create it");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(missing.error().file, (dir / "none.json").string());
    EXPECT_EQ(missing.error().message.rfind("cannot read the record: ", 0), 0u) << missing.error().message;
    EXPECT_EQ(missing.error().hint, "create it");
}
