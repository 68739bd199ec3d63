#include "mcp/edge_verdict.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

class EdgeVerdictTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = engine::Policy::defaults();
        ASSERT_TRUE(loaded);
        policy = *loaded;
    }
    EdgeVerdict judge(const std::string& from, const std::string& to) {
        return judgeIncludeEdge(policy, from, to,
                                [&](const std::string& path) { return existing.contains(path); });
    }
    engine::Policy policy;
    std::set<std::string> existing;
};

TEST_F(EdgeVerdictTest, LogicMayNotIncludeAnAdapter) {
    auto v = judge("src/logic/price.cpp", "adapters/pg_repo.hpp");
    EXPECT_FALSE(v.allowed);
    EXPECT_EQ(v.rule, "layer.include");
    EXPECT_EQ(v.fromLayer, "logic");
    EXPECT_EQ(v.toLayer, "adapters");
    EXPECT_EQ(v.toPath, "src/adapters/pg_repo.hpp");
    EXPECT_EQ(v.toKind, HeaderKind::FirstParty);
    EXPECT_EQ(v.mayInclude, (std::vector<std::string>{"contracts", "logic"}));
    EXPECT_NE(v.reason.find("may include only contracts/, logic/"), std::string::npos) << v.reason;
}

TEST_F(EdgeVerdictTest, PureLayersGetThePurityRuleOfADeniedHeaderAndKeepPureHeaders) {
    auto io = judge("src/logic/price.cpp", "<fstream>");
    EXPECT_FALSE(io.allowed);
    EXPECT_EQ(io.rule, "purity.io");
    EXPECT_EQ(io.toKind, HeaderKind::Standard);
    EXPECT_TRUE(judge("src/logic/price.cpp", "<vector>").allowed);
    auto external = judge("src/logic/price.cpp", "<curl/curl.h>");
    EXPECT_FALSE(external.allowed);
    EXPECT_EQ(external.rule, "layer.include");
    EXPECT_EQ(external.toKind, HeaderKind::External);
}

TEST_F(EdgeVerdictTest, OnlyExternalLayersIncludeExternalLibraries) {
    EXPECT_TRUE(judge("src/adapters/http/client.cpp", "<curl/curl.h>").allowed);
    auto services = judge("src/services/orders.cpp", "<curl/curl.h>");
    EXPECT_FALSE(services.allowed);
    EXPECT_EQ(services.rule, "layer.include");
    EXPECT_TRUE(judge("src/services/orders.cpp", "<string>").allowed);
    EXPECT_TRUE(judge("src/services/orders.cpp", "logic/price.hpp").allowed);
}

TEST_F(EdgeVerdictTest, AdaptersStayIndependentButIncludeTheirOwnComponent) {
    auto other = judge("src/adapters/pg/repo.cpp", "adapters/sqlite/store.hpp");
    EXPECT_FALSE(other.allowed);
    EXPECT_EQ(other.rule, "layer.adapter-include");
    EXPECT_TRUE(judge("src/adapters/pg/repo.cpp", "adapters/pg/connection.hpp").allowed);
}

TEST_F(EdgeVerdictTest, DiscouragedEdgesAreAllowedWithTheirWarningRule) {
    auto v = judge("src/entrypoints/main.cpp", "logic/price.hpp");
    EXPECT_TRUE(v.allowed);
    EXPECT_EQ(v.rule, "layer.logic-call");
}

TEST_F(EdgeVerdictTest, FilesOutsideTheLayersAndTests) {
    auto unassigned = judge("src/misc/x.cpp", "<vector>");
    EXPECT_FALSE(unassigned.allowed);
    EXPECT_EQ(unassigned.rule, "layer.unassigned");
    EXPECT_TRUE(judge("tests/price_test.cpp", "adapters/pg_repo.hpp").allowed);
    EXPECT_TRUE(judge("tools/gen.cpp", "adapters/pg_repo.hpp").allowed);
}

TEST_F(EdgeVerdictTest, AHeaderBesideTheFileCountsOnlyWhenItExists) {
    EXPECT_EQ(judge("src/logic/price.cpp", "\"fstream\"").toKind, HeaderKind::Standard);
    existing.insert("src/logic/money.hpp");
    auto v = judge("src/logic/price.cpp", "\"money.hpp\"");
    EXPECT_TRUE(v.allowed);
    EXPECT_EQ(v.toPath, "src/logic/money.hpp");
}

TEST_F(EdgeVerdictTest, ARuleTurnedOffAllowsTheEdge) {
    ASSERT_TRUE(policy.catalog.setLevel("layer.include", engine::Level::Off));
    auto v = judge("src/logic/price.cpp", "adapters/pg_repo.hpp");
    EXPECT_TRUE(v.allowed);
    EXPECT_EQ(v.rule, "layer.include");
}

} // namespace
} // namespace devos::mcp
