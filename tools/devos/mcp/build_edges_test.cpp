#include "mcp/build_edges.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

TEST(BuildEdges, CountsPerKindAndLayerPairWithTheFirstForbiddenAsExample) {
    BuildEdgeMap edges;
    countBuildEdge(edges, "include", "logic", "contracts", false,
                   "src/logic/a.cpp:1 includes contracts/c.hpp");
    countBuildEdge(edges, "include", "logic", "adapters", false, "src/logic/a.cpp:2 includes adapters/x.hpp");
    countBuildEdge(edges, "include", "logic", "adapters", true, "src/logic/b.cpp:4 includes adapters/db.hpp");
    countBuildEdge(edges, "include", "logic", "adapters", true, "src/logic/c.cpp:9 includes adapters/db.hpp");
    countBuildEdge(edges, "link", "logic", "adapters", true, "target logic -> db");
    ASSERT_EQ(edges.size(), 3u);
    const auto& forbidden = edges.at({"include", "logic", "adapters"});
    EXPECT_EQ(forbidden.count, 3);
    EXPECT_EQ(forbidden.violations, 2);
    EXPECT_EQ(forbidden.example, "src/logic/b.cpp:4 includes adapters/db.hpp");
    EXPECT_EQ(edges.at({"include", "logic", "contracts"}).violations, 0);
    EXPECT_EQ(edges.begin()->second.to, "adapters"); // ordered by (kind, from, to)
}

} // namespace
} // namespace devos::mcp
