// check::linkSummaries, the use case behind `devos link`, over summary files on disk: the TUs' own
// findings once, the cross-TU chain, an object without a summary, and the errors that name the file.
#include "check/summary_link.hpp"

#include <devos/engine/effect_summary.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::check {
namespace {

namespace fs = std::filesystem;
using engine::CallSite;
using engine::EffectSummary;
using engine::FunctionSummary;

class SummaryLinkTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("devos_summary_link_test_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / ".devos");
        std::ofstream(dir / ".devos/devos.yml") << "tier: 1\n";
        FunctionSummary stamped{"s", "shop::stamped", "src/logic/a.cpp", 3, "logic", true, {}, {}};
        stamped.calls.push_back(CallSite{"n", "shop::now", "src/logic/clock.hpp", {"src/logic/a.cpp", 4, 5}});
        FunctionSummary now{"n", "shop::now", "src/adapters/clock.cpp", 2, "adapters", false, {}, {}};
        now.effects.push_back({"purity.clock", "time", 2});
        engine::Finding own;
        own.ruleId = "purity.throw";
        own.at = {"src/logic/a.cpp", 9, 1};
        own.message = "throws";
        write("a.cpp.o.devos.json", engine::toJson(EffectSummary{"src/logic/a.cpp", {stamped}, {own}}));
        write("clock.cpp.o.devos.json", engine::toJson(EffectSummary{"src/adapters/clock.cpp", {now}, {}}));
    }
    void TearDown() override { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
    std::string path(const std::string& name) const { return (dir / name).string(); }

    fs::path dir;
};

TEST_F(SummaryLinkTest, ReportsEachTusFindingsOnceAndTheChainAcrossThem) {
    write("objects.txt", path("a.cpp.o") + "\n\n" + path("clock.cpp.o") + "\n" + path("b.cpp.o") + "\n" +
                             path("data.c.obj") + "\n");
    auto linked = linkSummaries({.summaryFiles = {path("a.cpp.o.devos.json")},
                                 .objectLists = {path("objects.txt")},
                                 .root = dir.string()});
    ASSERT_TRUE(linked) << linked.error().render();
    EXPECT_EQ(linked->summaries, 3u) << "a.cpp's summary is named twice and linked twice";
    std::vector<std::string> rules;
    for (const auto& f : linked->findings)
        rules.push_back(f.ruleId + ":" + std::to_string(f.at.line));
    EXPECT_EQ(rules, (std::vector<std::string>{"purity.transitive:4", "purity.throw:9"}));
    ASSERT_EQ(linked->missingSummaries.size(), 1u) << "only a C++ object without a summary is missing";
    EXPECT_TRUE(linked->missingSummaries[0].starts_with(path("b.cpp.o") + " (no effect summary"));
}

TEST_F(SummaryLinkTest, AnUnreadableOrInvalidInputIsAnErrorNamingIt) {
    auto noList = linkSummaries({.objectLists = {path("nowhere.txt")}, .root = dir.string()});
    ASSERT_FALSE(noList);
    EXPECT_EQ(noList.error().render(), path("nowhere.txt") + ": error: cannot read the objects list");
    write("bad.devos.json", "{\"tu\": 3");
    auto bad = linkSummaries({.summaryFiles = {path("bad.devos.json")}, .root = dir.string()});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().file, path("bad.devos.json"));
    auto noRoot = linkSummaries({.summaryFiles = {path("a.cpp.o.devos.json")}, .root = path("nowhere")});
    ASSERT_FALSE(noRoot);
    EXPECT_EQ(noRoot.error().render(), path("nowhere") + ": error: --root is not a folder");
}

} // namespace
} // namespace devos::check
