#pragma once
// The report's pictures, drawn as inline SVG with fixed geometry (deterministic, no script): the layer
// graph, the failures-per-day sparkline and the gate-time bars. Every label is HTML-escaped.
#include "report/report_data.hpp"

#include <string>
#include <vector>

namespace devos::report {

// Layers as boxes in policy order; allowed edges as grey arcs above, violating edges as red arcs below
// labelled with their count (a layer including itself: a loop under its box). role="img" with a title.
[[nodiscard]] std::string layerGraphSvg(const std::vector<LayerNode>& layers,
                                        const std::vector<LayerEdge>& edges);

// A polyline of failures per day scaled to the busiest day; empty when there are no days.
[[nodiscard]] std::string sparklineSvg(const std::vector<DayCount>& days);

// One horizontal bar per gate, its length its time against the slowest gate, coloured by status.
[[nodiscard]] std::string gateBarsSvg(const std::vector<GateEntry>& gates);

// `value` with at most `decimals` digits after the point, trailing zeros kept ("1.50").
[[nodiscard]] std::string fixedNumber(double value, int decimals);

} // namespace devos::report
