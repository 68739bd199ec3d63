#include <devos/engine/purity_linker.hpp>
#include <gtest/gtest.h>

using namespace devos::engine;

namespace {

FunctionSummary fn(std::string usr, std::string file, std::string layer, bool pure) {
    return FunctionSummary{usr, usr, std::move(file), 1, std::move(layer), pure, {}, {}};
}

CallSite call(std::string usr, std::string declFile, unsigned line) {
    return CallSite{usr, usr, std::move(declFile), {"src/logic/a.cpp", line, 3}};
}

} // namespace

TEST(PurityLinker, ReportsShortestChainAcrossTranslationUnits) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    auto a = fn("a", "src/logic/a.cpp", "logic", true);
    a.calls.push_back(call("b", "src/logic/b.hpp", 4));
    a.calls.push_back(call("c", "src/logic/c.hpp", 5));
    auto b = fn("b", "src/logic/b.cpp", "logic", true);
    b.calls.push_back(call("c", "src/logic/c.hpp", 9));
    auto c = fn("c", "src/adapters/c.cpp", "adapters", false);
    c.effects.push_back({"purity.clock", "time", 7});
    std::vector<EffectSummary> summaries{
        {"src/logic/a.cpp", {a}, {}}, {"src/logic/b.cpp", {b}, {}}, {"src/adapters/c.cpp", {c}, {}}};
    auto findings = PurityLinker(*policy).link(summaries);
    ASSERT_EQ(findings.size(), 2u); // a and b, each through its own shortest chain
    EXPECT_EQ(findings[0].ruleId, "purity.transitive");
    EXPECT_EQ(findings[0].at.line, 5u); // a -> c directly, not a -> b -> c
    EXPECT_EQ(findings[0].message, "'a' is not pure: a() → c() [src/adapters/c.cpp] → time [purity.clock]");
    ASSERT_EQ(findings[0].notes.size(), 2u);
    EXPECT_EQ(findings[0].notes[1].at.file, "src/adapters/c.cpp");
    EXPECT_EQ(findings[0].notes[1].at.line, 7u);
}

TEST(PurityLinker, PureChainsAndCyclesPass) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    auto a = fn("a", "src/logic/a.cpp", "logic", true);
    a.calls.push_back(call("b", "src/logic/b.hpp", 4));
    auto b = fn("b", "src/logic/b.cpp", "logic", true);
    b.calls.push_back(call("a", "src/logic/a.hpp", 2));
    b.calls.push_back(call("std::sort", "/usr/include/c++/12/bits/stl_algo.h", 3)); // from an older summary
    EXPECT_TRUE(PurityLinker(*policy).link({{"a", {a}, {}}, {"b", {b}, {}}}).empty());
}

TEST(PurityLinker, UnknownBodiesAreReportedNotPassed) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    auto a = fn("a", "src/logic/a.cpp", "logic", true);
    a.calls.push_back(call("ghost", "src/logic/ghost.hpp", 8));
    auto findings = PurityLinker(*policy).link({{"a", {a}, {}}});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].ruleId, "purity.unknown-effect");
    // Off in the repo config: nothing.
    ASSERT_TRUE(policy->applyRepoConfig("rules:\n  purity.unknown-effect: off\n", "cfg.yml"));
    EXPECT_TRUE(PurityLinker(*policy).link({{"a", {a}, {}}}).empty());
}

TEST(EffectSummary, RoundTripsThroughJson) {
    auto a = fn("c:@F@a#", "src/logic/a.cpp", "logic", true);
    a.effects.push_back({"purity.io", "printf", 3});
    a.calls.push_back(call("c:@F@b#", "src/logic/b.hpp", 4));
    Finding f{"purity.io",
              Level::Error,
              {"src/logic/a.cpp", 3, 5},
              {"src/logic/a.cpp", 3, 9},
              "msg",
              "printf",
              "do",
              {{{"src/logic/a.cpp", 1, 1}, "included from here", true}},
              {},
              false};
    EffectSummary s{"src/logic/a.cpp", {a}, {f}};
    auto back = summaryFromJson(toJson(s), "x");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->functions[0].calls[0].usr, "c:@F@b#");
    EXPECT_EQ(back->findings[0].notes[0].includeChain, true);
    EXPECT_FALSE(summaryFromJson("{\"devosSummary\": 2}", "x"));
    EXPECT_FALSE(summaryFromJson("not json", "x"));
}

// Issue 16 item 6: a file name that is not valid UTF-8 (a header named with Latin-1 bytes) used to
// throw out of toJson and end clang with the plugin loaded; it is written as U+FFFD.
TEST(EffectSummary, AFileNameThatIsNotUtf8IsWrittenWithReplacementCharacters) {
    auto a = fn("c:@F@a#", "src/logic/caf\xE9.hpp", "logic", true);
    Finding f{"purity.io",
              Level::Error,
              {"src/logic/caf\xE9.hpp", 3, 5},
              {"src/logic/caf\xE9.hpp", 3, 9},
              "m\xFF",
              "printf",
              "do",
              {},
              {},
              false};
    EffectSummary s{"src/logic/\xFFmain.cpp", {a}, {f}};
    std::string text;
    ASSERT_NO_THROW(text = toJson(s));
    auto back = summaryFromJson(text, "x");
    ASSERT_TRUE(back) << back.error().render();
    EXPECT_EQ(back->tu, "src/logic/\uFFFDmain.cpp");
    EXPECT_EQ(back->functions[0].file, "src/logic/caf\uFFFD.hpp");
    EXPECT_EQ(back->findings[0].message, "m\uFFFD");
    ASSERT_NO_THROW((void)findingToJson(f));
}
