#include "report/svg_charts.hpp"

#include "report/html_text.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace devos::report {
namespace {

constexpr int kBoxWidth = 120;
constexpr int kBoxHeight = 36;
constexpr int kGap = 40;
constexpr int kMargin = 20;

std::string num(double value) {
    return fixedNumber(value, 1);
}

const char* statusColour(const std::string& status) {
    if (status == "passed")
        return "#1a7f37";
    if (status == "failed")
        return "#cf222e";
    if (status == "advisory")
        return "#9a6700";
    return "#57606a";
}

} // namespace

std::string fixedNumber(double value, int decimals) {
    char buffer[64];
    auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    return error == std::errc{} ? std::string(buffer, end) : std::string("0");
}

std::string layerGraphSvg(const std::vector<LayerNode>& layers, const std::vector<LayerEdge>& edges) {
    std::map<std::string, int> column;
    for (const auto& l : layers)
        column.emplace(l.name, static_cast<int>(column.size()));
    const int count = static_cast<int>(layers.size());
    const int width = 2 * kMargin + std::max(1, count) * kBoxWidth + std::max(0, count - 1) * kGap;
    const int span = std::max(1, count - 1);
    const int above = 40 + span * 18; // room for the tallest allowed arc
    const int below = 60 + span * 18;
    const int boxY = above;
    const int height = boxY + kBoxHeight + below;
    auto centre = [&](const std::string& name) {
        return kMargin + column.at(name) * (kBoxWidth + kGap) + kBoxWidth / 2;
    };
    long allowedCount = 0, violationCount = 0;
    for (const auto& e : edges) {
        allowedCount += e.allowed;
        violationCount += e.violations;
    }
    std::string out = "<svg class=\"layer-graph\" role=\"img\" aria-labelledby=\"layer-graph-title\" "
                      "xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                      std::to_string(width) + " " + std::to_string(height) + "\">";
    out += "<title id=\"layer-graph-title\">Layer graph: " + std::to_string(count) + " layers, " +
           std::to_string(allowedCount) + " allowed edges, " + std::to_string(violationCount) +
           " violating includes</title>";
    out += "<defs><marker id=\"arrow-ok\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
           "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" "
           "fill=\"#8c959f\"/></marker>"
           "<marker id=\"arrow-bad\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
           "markerHeight=\"6\" "
           "orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#cf222e\"/></marker></defs>";
    for (const auto& e : edges) {
        if (!column.contains(e.from) || !column.contains(e.to))
            continue;
        const int x1 = centre(e.from), x2 = centre(e.to);
        const std::string label = e.from + " \xE2\x86\x92 " + e.to;
        if (e.allowed) {
            const int lift = 20 + std::abs(column.at(e.from) - column.at(e.to)) * 18;
            out += "<path class=\"edge-allowed\" d=\"M" + std::to_string(x1 - 8) + "," +
                   std::to_string(boxY) + " Q" + num((x1 + x2) / 2.0) + "," +
                   std::to_string(boxY - 2 * lift) + " " + std::to_string(x2 + 8) + "," +
                   std::to_string(boxY) +
                   "\" fill=\"none\" stroke=\"#8c959f\" stroke-width=\"1.5\" "
                   "marker-end=\"url(#arrow-ok)\"><title>" +
                   escapeHtml(label) + ": allowed</title></path>";
        }
        if (e.violations > 0) {
            const std::string stroke = std::to_string(std::min<long>(6, 1 + e.violations));
            const int bottom = boxY + kBoxHeight;
            std::string d;
            int labelX = 0, labelY = 0;
            if (e.from == e.to) {
                d = "M" + std::to_string(x1 - 20) + "," + std::to_string(bottom) + " C" +
                    std::to_string(x1 - 30) + "," + std::to_string(bottom + 40) + " " +
                    std::to_string(x1 + 30) + "," + std::to_string(bottom + 40) + " " +
                    std::to_string(x1 + 20) + "," + std::to_string(bottom);
                labelX = x1;
                labelY = bottom + 44;
            } else {
                const int drop = 20 + std::abs(column.at(e.from) - column.at(e.to)) * 18;
                d = "M" + std::to_string(x1 + 8) + "," + std::to_string(bottom) + " Q" +
                    num((x1 + x2) / 2.0) + "," + std::to_string(bottom + 2 * drop) + " " +
                    std::to_string(x2 - 8) + "," + std::to_string(bottom);
                labelX = (x1 + x2) / 2;
                labelY = bottom + drop + 4;
            }
            out += "<path class=\"edge-violating\" d=\"" + d +
                   "\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"" + stroke +
                   "\" marker-end=\"url(#arrow-bad)\"><title>" + escapeHtml(label) + ": " +
                   std::to_string(e.violations) + " violating includes</title></path>";
            out += "<text class=\"edge-count\" x=\"" + std::to_string(labelX) + "\" y=\"" +
                   std::to_string(labelY) + "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#a40e26\">" +
                   std::to_string(e.violations) + "</text>";
        }
    }
    for (const auto& l : layers) {
        const int x = kMargin + column.at(l.name) * (kBoxWidth + kGap);
        out += "<g class=\"layer\"><rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(boxY) +
               "\" width=\"" + std::to_string(kBoxWidth) + "\" height=\"" + std::to_string(kBoxHeight) +
               "\" rx=\"6\" fill=\"#f6f8fa\" stroke=\"#57606a\"/><text x=\"" +
               std::to_string(x + kBoxWidth / 2) + "\" y=\"" + std::to_string(boxY + kBoxHeight / 2 + 5) +
               "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1f2328\">" + escapeHtml(l.name) +
               "</text></g>";
    }
    return out + "</svg>";
}

std::string sparklineSvg(const std::vector<DayCount>& days) {
    if (days.empty())
        return "";
    constexpr int width = 320, height = 48, pad = 4;
    long peak = 1, total = 0;
    for (const auto& d : days) {
        peak = std::max(peak, d.failures);
        total += d.failures;
    }
    const double step =
        days.size() > 1 ? static_cast<double>(width - 2 * pad) / static_cast<double>(days.size() - 1) : 0;
    std::string points;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const double x = pad + step * static_cast<double>(i);
        const double y =
            height - pad -
            (height - 2.0 * pad) * static_cast<double>(days[i].failures) / static_cast<double>(peak);
        points += (i ? " " : "") + num(x) + "," + num(y);
    }
    std::string out = "<svg class=\"sparkline\" role=\"img\" aria-labelledby=\"sparkline-title\" "
                      "xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                      std::to_string(width) + " " + std::to_string(height) + "\">";
    out += "<title id=\"sparkline-title\">Test failures per day, " + escapeHtml(days.front().day) + " to " +
           escapeHtml(days.back().day) + ": " + std::to_string(total) + " in all, at most " +
           std::to_string(peak) + " a day</title>";
    out +=
        days.size() > 1
            ? "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\"/>"
            : "<circle cx=\"" + num(pad) + "\" cy=\"" + num(height / 2.0) + "\" r=\"3\" fill=\"#0969da\"/>";
    return out + "</svg>";
}

std::string gateBarsSvg(const std::vector<GateEntry>& gates) {
    if (gates.empty())
        return "";
    constexpr int nameWidth = 150, barWidth = 300, row = 22;
    double slowest = 0;
    for (const auto& g : gates)
        slowest = std::max(slowest, g.seconds);
    const int height = row * static_cast<int>(gates.size()) + 4;
    const int width = nameWidth + barWidth + 80;
    std::string out = "<svg class=\"gate-bars\" role=\"img\" aria-labelledby=\"gate-bars-title\" "
                      "xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                      std::to_string(width) + " " + std::to_string(height) + "\">";
    out += "<title id=\"gate-bars-title\">Time per gate</title>";
    int y = 2;
    for (const auto& g : gates) {
        const double length = slowest > 0 ? barWidth * g.seconds / slowest : 0;
        out += "<text x=\"0\" y=\"" + std::to_string(y + 15) + "\" font-size=\"12\" fill=\"#1f2328\">" +
               escapeHtml(g.name) + "</text><rect x=\"" + std::to_string(nameWidth) + "\" y=\"" +
               std::to_string(y + 3) + "\" width=\"" + num(std::max(length, 1.0)) +
               "\" height=\"14\" fill=\"" + statusColour(g.status) + "\"><title>" + escapeHtml(g.name) +
               ": " + escapeHtml(g.status) + ", " + fixedNumber(g.seconds, 2) +
               " s</title></rect><text x=\"" + num(nameWidth + std::max(length, 1.0) + 6) + "\" y=\"" +
               std::to_string(y + 15) + "\" font-size=\"12\" fill=\"#1f2328\">" + fixedNumber(g.seconds, 2) +
               " s</text>";
        y += row;
    }
    return out + "</svg>";
}

} // namespace devos::report
