#include "mcp/build_edges.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

using Directives = std::vector<std::pair<std::string, unsigned>>;

TEST(BuildEdges, IncludeDirectivesSkipComments) {
    const std::string text = "#include \"logic/a.hpp\"\n"
                             "  #  include <vector>\n"
                             "// #include \"adapters/no.hpp\"\n"
                             "/* #include \"adapters/no.hpp\"\n"
                             "   #include \"adapters/no2.hpp\" */\n"
                             "#include MACRO_HEADER\n"
                             "#include_next <x.h>\n"
                             "/* c */ #include \"ports/p.hpp\"\n";
    EXPECT_EQ(includeDirectives(text), (Directives{{"logic/a.hpp", 1}, {"vector", 2}, {"ports/p.hpp", 8}}));
    EXPECT_TRUE(includeDirectives("#include \"\"\n#include <unterminated\n").empty());
}

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
