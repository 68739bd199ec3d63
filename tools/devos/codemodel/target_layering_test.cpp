#include "codemodel/target_layering.hpp"

#include <gtest/gtest.h>

namespace devos::codemodel {
namespace {

CallSite call(unsigned line, std::string target) {
    return {"/repo/CMakeLists.txt", line, "target_link_libraries", std::move(target)};
}

Target target(std::string name, std::string type, std::vector<std::string> sources) {
    Target t{name + "::@1", name, std::move(type), {}, {}, {}, {}};
    for (auto& s : sources)
        t.sources.push_back("/repo/" + s);
    return t;
}

class TargetLayering : public ::testing::Test {
protected:
    void SetUp() override {
        auto p = engine::Policy::defaults();
        ASSERT_TRUE(p);
        policy = std::move(*p);
        model.sourceDir = "/repo";
        model.targets = {target("contracts", "STATIC_LIBRARY", {"src/contracts/a.cpp"}),
                         target("adapters", "STATIC_LIBRARY", {"src/adapters/db.cpp"}),
                         target("logic", "STATIC_LIBRARY", {"src/logic/p.cpp", "src/services/s.cpp"}),
                         target("app", "EXECUTABLE", {"src/entrypoints/main.cpp"}),
                         target("tests", "EXECUTABLE", {"tests/p_test.cpp"})};
    }
    std::vector<engine::Finding> check() { return checkTargets(model, policy, io, "/repo"); }
    Target& get(const std::string& name) {
        for (auto& t : model.targets)
            if (t.name == name)
                return t;
        throw std::runtime_error(name);
    }

    engine::Policy policy;
    IoLibraries io{{"sqlite3", "pthread"}};
    Codemodel model;
};

TEST_F(TargetLayering, AMixedTargetTakesItsLowestPureLayer) {
    TargetLayer l = layerOfTarget(get("logic"), policy.layers, "/repo");
    ASSERT_TRUE(l.layer);
    EXPECT_EQ(l.layer->name, "logic");
    EXPECT_EQ(l.spanned, (std::vector<std::string>{"logic", "services"}));
    EXPECT_FALSE(layerOfTarget(get("tests"), policy.layers, "/repo").layer);
}

TEST_F(TargetLayering, CleanGraphHasNoFinding) {
    get("logic").dependencies = {{"contracts::@1", {}, call(8, "logic")}};
    get("adapters").dependencies = {{"contracts::@1", {}, call(6, "adapters")}};
    get("app").dependencies = {{"logic::@1", {}, call(14, "app")}, {"adapters::@1", {}, call(14, "app")}};
    get("app").libraries = {{{}, "/usr/lib/libsqlite3.so", call(6, "adapters")}};
    get("tests").dependencies = {{"adapters::@1", {}, call(20, "tests")}};
    EXPECT_TRUE(check().empty());
}

TEST_F(TargetLayering, LogicLinkingAnAdapterIsReportedAtItsCall) {
    get("logic").dependencies = {{"adapters::@1", {}, call(9, "logic")}};
    auto findings = check();
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].ruleId, "target.layer-link");
    EXPECT_EQ(findings[0].at.file, "CMakeLists.txt");
    EXPECT_EQ(findings[0].at.line, 9u);
    EXPECT_EQ(
        findings[0].message,
        "target 'logic' (logic) links target 'adapters' (adapters); logic may link only contracts/, logic/");
    ASSERT_EQ(findings[0].notes.size(), 1u);
    EXPECT_NE(findings[0].notes[0].message.find("has sources in logic, services"), std::string::npos);
}

TEST_F(TargetLayering, AnEdgeReachedThroughAReportedOneIsLeftOut) {
    get("adapters").dependencies = {{"app::@1", {}, call(6, "adapters")}};
    get("contracts").dependencies = {{"adapters::@1", {}, call(4, "contracts")},
                                     {"app::@1", {}, call(4, "contracts")}};
    auto findings = check();
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].subject, "contracts -> adapters");
    EXPECT_EQ(findings[1].subject, "adapters -> app");
}

TEST_F(TargetLayering, AnIoLibraryIsChargedToTheTargetItsCallNames) {
    get("app").dependencies = {{"logic::@1", {}, call(14, "app")}};
    get("app").libraries = {{{}, "-lsqlite3", call(8, "logic")}, {{}, "-lpthread", call(14, "app")}};
    auto findings = check();
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].ruleId, "target.io-library");
    EXPECT_EQ(findings[0].at.line, 8u);
    EXPECT_EQ(findings[0].subject, "logic -> sqlite3");
}

TEST_F(TargetLayering, LevelOffDropsTheRule) {
    get("logic").dependencies = {{"adapters::@1", {}, call(9, "logic")}};
    ASSERT_TRUE(policy.applyRepoConfig("rules: { target.layer-link: off }\n", "devos.yml"));
    EXPECT_TRUE(check().empty());
}

} // namespace
} // namespace devos::codemodel
