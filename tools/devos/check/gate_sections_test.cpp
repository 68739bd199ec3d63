#include "check/gate_sections.hpp"

#include <gtest/gtest.h>
#include <iterator>

using namespace devos;

// The engine accepts the gate sections without reading them; each must have its gate's parser here.
TEST(GateSections, EverySectionTheEngineAcceptsIsParsedByItsGate) {
    for (const char* key : engine::kGateSections) {
        auto policy = engine::Policy::defaults();
        ASSERT_TRUE(policy);
        ASSERT_TRUE(
            policy->applyRepoConfig(std::string("tier: 1\n") + key + ": 42\n", "repo/.devos/devos.yml"))
            << key << ": the engine only checks that the key is known";
        auto checked = check::checkGateSections(*policy);
        ASSERT_FALSE(checked) << key << " has no parser in checkGateSections";
        EXPECT_EQ(checked.error().file, "repo/.devos/devos.yml");
        EXPECT_EQ(checked.error().line, 2u) << key;
    }
    auto clean = engine::Policy::defaults();
    ASSERT_TRUE(clean);
    ASSERT_TRUE(clean->applyRepoConfig("thresholds: { coverage: 80 }\nscan: { max_file_kb: 64 }\n", "d.yml"));
    EXPECT_TRUE(check::checkGateSections(*clean));
    EXPECT_EQ(std::size(engine::kGateSections), 4u);
}
