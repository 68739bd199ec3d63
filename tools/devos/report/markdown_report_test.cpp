#include "report/markdown_report.hpp"

#include <gtest/gtest.h>

namespace devos::report {
namespace {

FindingEntry finding(std::string rule, std::string message, FindingState state = FindingState::New) {
    FindingEntry f;
    f.rule = std::move(rule);
    f.level = "error";
    f.file = "src/logic/a.cpp";
    f.line = 4;
    f.message = std::move(message);
    f.state = state;
    return f;
}

TEST(MarkdownReport, TextCannotBreakTablesOrOpenTags) {
    EXPECT_EQ(markdownText("a|b\nc `d` <script>"), "a\\|b c 'd' &lt;script&gt;");
}

TEST(MarkdownReport, CountsFindingsChainsAndAcceptances) {
    ReportData d;
    d.title = "DevOS report";
    d.gates = {{"layering", "failed", 2, 1.5, ""}};
    FindingEntry chained = finding("purity.transitive", "not pure");
    chained.steps = {{"src/logic/a.cpp", 4, "calls 'now' here"},
                     {"src/adapters/c.cpp", 9, "'std::time' is here"}};
    FindingEntry allowed = finding("purity.clock", "legacy job", FindingState::Allowed);
    allowed.expires = "2099-12-31";
    d.findings = {chained, finding("purity.clock", "reads | the clock"), allowed};
    const std::string md = renderMarkdown(d);
    EXPECT_NE(md.find("| 1 | 1 | 3 | 2 | 2 | 0 | 0 | 1 |"), std::string::npos) << md;
    EXPECT_NE(md.find("| layering | failed | 2 | 1.50 s |  |"), std::string::npos);
    EXPECT_NE(md.find("  2. `src/adapters/c.cpp:9` 'std::time' is here"), std::string::npos);
    EXPECT_NE(md.find("reads \\| the clock"), std::string::npos);
    EXPECT_NE(md.find("## Allowed (1)\n\n- `purity.clock` `src/logic/a.cpp:4` until 2099-12-31: legacy job"),
              std::string::npos);
    EXPECT_NE(md.find("No telemetry store was read."), std::string::npos);
    const std::string capped = renderMarkdown(d, 1);
    EXPECT_NE(capped.find("- … 1 more (the HTML report lists them all)"), std::string::npos);
}

TEST(MarkdownReport, ClustersListTheirPatternsOrSayWhyNone) {
    ReportData d;
    d.telemetry.present = true;
    d.telemetry.source = "t.db";
    d.telemetry.clusters = {
        {3, {"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"}, "Db.save: refused | x", "2026-01-01", "2026-01-03"}};
    EXPECT_NE(renderMarkdown(d).find(
                  "| `aaaaaaaaaaaa` `bbbbbbbbbbbb` | 3 | 2026-01-01 | 2026-01-03 | Db.save: refused \\| x |"),
              std::string::npos)
        << renderMarkdown(d);
    d.telemetry.clusters.clear();
    d.telemetry.clustersNote = "no vectors";
    EXPECT_NE(renderMarkdown(d).find("Similar-incident clusters: no vectors.\n"), std::string::npos);
    d.telemetry = {};
    d.telemetry.clustersNote = "need the runtime";
    EXPECT_NE(renderMarkdown(d).find("No telemetry store was read.\n\nneed the runtime.\n"),
              std::string::npos);
}

} // namespace
} // namespace devos::report
