#include "report/html_report.hpp"
#include "report/html_text.hpp"

#include <gtest/gtest.h>

namespace devos::report {
namespace {

ReportData hostileData() {
    ReportData d;
    d.title = "DevOS report";
    d.generatedFor = "Build folder <b>";
    d.inputs = {"devos/fast.sarif"};
    d.gates = {{"layering", "failed", 1, 0.5, "note </td><script>alert(1)</script>"}};
    FindingEntry f;
    f.rule = "purity.clock";
    f.level = "error";
    f.file = "src/logic/<x>.cpp";
    f.line = 3;
    f.message = "</script><script>alert('pwned')</script>";
    f.steps = {{"src/a.cpp", 1, "calls '<b>' here"}};
    f.chainKind = "call";
    d.findings = {f};
    d.rules = {{"purity.clock", "s", "why <i>", "instead & more", "allowed \"q\""}};
    d.layers = {{"logic", {}}};
    return d;
}

TEST(HtmlText, EscapesMarkupAndScriptEnds) {
    EXPECT_EQ(escapeHtml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(jsonForScript(nlohmann::json{{"m", "</script>&\xE2\x80\xA8"}}),
              "{\"m\":\"\\u003c/script\\u003e\\u0026\\u2028\"}");
    EXPECT_EQ(nlohmann::json::parse(jsonForScript(nlohmann::json{{"m", "</script>"}}))["m"], "</script>");
}

TEST(HtmlReport, NothingFromFindingsOrGatesCanOpenATag) {
    const std::string html = renderHtml(hostileData());
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("</script><script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("note &lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("Build folder &lt;b&gt;"), std::string::npos);
    // Exactly the two script elements of the page: the data and the code.
    std::size_t scripts = 0;
    for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1))
        ++scripts;
    EXPECT_EQ(scripts, 2u);
}

TEST(HtmlReport, SelfContainedAndDeterministic) {
    const ReportData d = hostileData();
    const std::string html = renderHtml(d);
    EXPECT_EQ(html, renderHtml(d));
    EXPECT_EQ(html.find(" src="), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg")); // only the SVG namespace
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(html.find("<dd id=\"count-total\">1</dd>"), std::string::npos);
    EXPECT_NE(html.find("<dd id=\"count-gates-failed\">1</dd>"), std::string::npos);
    EXPECT_NE(html.find("data-total=\"1\""), std::string::npos);
}

TEST(HtmlReport, WithoutTelemetrySaysHowToGetIt) {
    const std::string html = renderHtml(hostileData());
    EXPECT_NE(html.find("No telemetry store was read"), std::string::npos);
    ReportData d = hostileData();
    d.telemetry.present = true;
    d.telemetry.source = "t.db";
    d.telemetry.failuresPerDay = {{"2026-01-01", 2}, {"2026-01-02", 1}};
    d.telemetry.proposals = {
        {"01J", "proposed", 20, "abcdef0123456789", "fix <it>", "selfheal/01J", "merged"}};
    const std::string withTrends = renderHtml(d);
    EXPECT_NE(withTrends.find("<span id=\"failures-total\">3</span>"), std::string::npos);
    EXPECT_NE(withTrends.find("class=\"sparkline\""), std::string::npos);
    EXPECT_NE(withTrends.find("<code>abcdef012345</code>"), std::string::npos);
    EXPECT_NE(withTrends.find("fix &lt;it&gt;"), std::string::npos);
    EXPECT_NE(withTrends.find("<td>proposed</td><td>merged</td><td class=\"num\">20</td>"),
              std::string::npos);
}

} // namespace
} // namespace devos::report
