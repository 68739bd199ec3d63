#include "report/svg_charts.hpp"

#include <gtest/gtest.h>

namespace devos::report {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

TEST(SvgCharts, LayerGraphDrawsABoxPerLayerAndEachEdgeOnce) {
    const std::vector<LayerNode> layers = {
        {"contracts", {}}, {"logic", {"contracts"}}, {"adapters<x>", {"logic"}}};
    const std::vector<LayerEdge> edges = {{"logic", "contracts", true, 0},
                                          {"logic", "adapters<x>", false, 3},
                                          {"adapters<x>", "adapters<x>", false, 1}};
    const std::string svg = layerGraphSvg(layers, edges);
    EXPECT_TRUE(svg.starts_with("<svg class=\"layer-graph\" role=\"img\""));
    EXPECT_EQ(occurrences(svg, "<rect "), 3u);
    EXPECT_EQ(occurrences(svg, "class=\"edge-allowed\""), 1u);
    EXPECT_EQ(occurrences(svg, "class=\"edge-violating\""), 2u);
    EXPECT_NE(svg.find(">3</text>"), std::string::npos);
    EXPECT_NE(svg.find("4 violating includes</title>"), std::string::npos);
    EXPECT_EQ(svg.find("adapters<x>"), std::string::npos); // escaped
    EXPECT_NE(svg.find("adapters&lt;x&gt;"), std::string::npos);
    // Boxes 120 wide with 40 between them, after a 20 margin: the third box starts at 340.
    EXPECT_NE(svg.find("<rect x=\"340\""), std::string::npos);
    EXPECT_EQ(svg, layerGraphSvg(layers, edges)); // deterministic
}

TEST(SvgCharts, SparklineScalesToTheBusiestDay) {
    EXPECT_EQ(sparklineSvg({}), "");
    const std::string svg = sparklineSvg({{"2026-01-01", 0}, {"2026-01-02", 4}, {"2026-01-03", 2}});
    // 320 wide, 4 padding: x at 4, 160, 316; y from 44 (none) to 4 (the peak).
    EXPECT_NE(svg.find("points=\"4.0,44.0 160.0,4.0 316.0,24.0\""), std::string::npos);
    EXPECT_NE(svg.find("6 in all, at most 4 a day"), std::string::npos);
    EXPECT_NE(sparklineSvg({{"2026-01-01", 3}}).find("<circle"), std::string::npos);
}

TEST(SvgCharts, GateBarsAreTheirTimeAgainstTheSlowest) {
    const std::string svg =
        gateBarsSvg({{"format", "passed", 0, 1.0, ""}, {"<layering>", "failed", 2, 4.0, ""}});
    EXPECT_NE(svg.find("width=\"75.0\" height=\"14\" fill=\"#1a7f37\""), std::string::npos);
    EXPECT_NE(svg.find("width=\"300.0\" height=\"14\" fill=\"#cf222e\""), std::string::npos);
    EXPECT_NE(svg.find("&lt;layering&gt;"), std::string::npos);
    EXPECT_EQ(gateBarsSvg({}), "");
    EXPECT_EQ(fixedNumber(1.005, 2), "1.00");
}

} // namespace
} // namespace devos::report
