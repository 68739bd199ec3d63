// check::ratchetBaseline, the use case behind `devos baseline create|update`, on real files.
#include "check/baseline.hpp"
#include "check/baseline_ratchet.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::check {
namespace {

namespace fs = std::filesystem;

engine::Finding finding(std::string rule, std::string file, std::string subject) {
    engine::Finding f;
    f.ruleId = std::move(rule);
    f.at = {std::move(file), 3, 1};
    f.message = "m";
    f.subject = std::move(subject);
    return f;
}

class BaselineRatchetTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("devos_baseline_ratchet_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        path = (dir / "baseline.json").string();
    }
    void TearDown() override { fs::remove_all(dir); }

    BaselineRequest request(BaselineAction action, std::vector<engine::Finding> findings) const {
        return {.action = action, .path = path, .findings = std::move(findings)};
    }

    fs::path dir;
    std::string path;
    std::vector<engine::Finding> two{finding("purity.clock", "src/logic/a.cpp", "time"),
                                     finding("purity.io", "src/logic/b.cpp", "printf")};
};

TEST_F(BaselineRatchetTest, CreateRecordsEveryFindingAndUpdateOnlyShrinks) {
    auto created = ratchetBaseline(request(BaselineAction::Create, two));
    ASSERT_TRUE(created) << created.error().render();
    EXPECT_TRUE(created->written);
    EXPECT_EQ(created->entries, 2u);
    // One fixed, one new: update drops the fixed one and never adds the new one.
    auto updated = ratchetBaseline(
        request(BaselineAction::Update, {two[0], finding("purity.env", "src/logic/c.cpp", "getenv")}));
    ASSERT_TRUE(updated) << updated.error().render();
    EXPECT_EQ(updated->dropped, 1u);
    EXPECT_EQ(updated->entries, 1u);
    auto reloaded = Baseline::load(path);
    ASSERT_TRUE(reloaded);
    ASSERT_EQ(reloaded->entries().size(), 1u);
    EXPECT_EQ(reloaded->entries()[0].rule, "purity.clock");
}

TEST_F(BaselineRatchetTest, CreateIsRefusedOnCiAndOverAnExistingFileWithoutForce) {
    auto onCi = request(BaselineAction::Create, two);
    onCi.onCi = true;
    onCi.force = true;
    auto refused = ratchetBaseline(onCi);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              "refusing to create " + path + " on CI (CI is set): a baseline is a reviewed decision");
    EXPECT_FALSE(fs::exists(path));

    ASSERT_TRUE(ratchetBaseline(request(BaselineAction::Create, two)));
    auto exists = ratchetBaseline(request(BaselineAction::Create, {}));
    ASSERT_FALSE(exists);
    EXPECT_EQ(exists.error().file, path);
    auto forced = request(BaselineAction::Create, {});
    forced.force = true;
    auto replaced = ratchetBaseline(forced);
    ASSERT_TRUE(replaced);
    EXPECT_TRUE(replaced->existed);
    EXPECT_EQ(replaced->entries, 0u);

    auto updateOnCi = request(BaselineAction::Update, {});
    updateOnCi.onCi = true;
    EXPECT_TRUE(ratchetBaseline(updateOnCi)) << "shrinking stays allowed on CI";
}

TEST_F(BaselineRatchetTest, AnUnanalysedTranslationUnitLeavesTheFileUnchanged) {
    ASSERT_TRUE(ratchetBaseline(request(BaselineAction::Create, two)));
    auto partial = request(BaselineAction::Update, {});
    partial.unanalysed = {"src/logic/b.cpp"};
    auto kept = ratchetBaseline(partial);
    ASSERT_TRUE(kept);
    EXPECT_FALSE(kept->written);
    EXPECT_EQ(Baseline::load(path)->entries().size(), 2u);
}

TEST_F(BaselineRatchetTest, UpdateOfAMissingOrCorruptBaselineIsItsLoadError) {
    auto missing = ratchetBaseline(request(BaselineAction::Update, two));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, foundation::ErrorKind::NotFound);
    std::ofstream(path) << "{\"version\": 1, \"entries\": [\n";
    auto corrupt = ratchetBaseline(request(BaselineAction::Update, two));
    ASSERT_FALSE(corrupt);
    EXPECT_EQ(corrupt.error().line, 2u);
}

} // namespace
} // namespace devos::check
