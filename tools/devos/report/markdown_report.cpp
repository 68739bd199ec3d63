#include "report/markdown_report.hpp"

#include "report/report_aggregate.hpp"
#include "report/svg_charts.hpp"

namespace devos::report {
namespace {

std::string where(const std::string& file, unsigned line) {
    return line ? file + ":" + std::to_string(line) : file;
}

std::string code(const std::string& text) {
    return "`" + markdownText(text) + "`";
}

} // namespace

std::string markdownText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\n':
        case '\r':
            out += ' ';
            break;
        case '|':
            out += "\\|";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '`':
            out += "'";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string renderMarkdown(const ReportData& d, std::size_t maxFindings) {
    const FindingCounts c = countFindings(d.findings);
    long failedGates = 0;
    for (const auto& g : d.gates)
        failedGates += g.status == "failed";
    std::string out = "# " + markdownText(d.title) + "\n\n";
    if (!d.generatedFor.empty())
        out += markdownText(d.generatedFor) + "\n\n";
    out += "| gates | gates failed | findings | new | new errors | new warnings | baselined | allowed |\n"
           "|---:|---:|---:|---:|---:|---:|---:|---:|\n| " +
           std::to_string(d.gates.size()) + " | " + std::to_string(failedGates) + " | " +
           std::to_string(c.total) + " | " + std::to_string(c.fresh) + " | " + std::to_string(c.errors) +
           " | " + std::to_string(c.warnings) + " | " + std::to_string(c.baselined) + " | " +
           std::to_string(c.allowed) + " |\n\n";
    out += "## Gates\n\n";
    if (d.gates.empty())
        out += "No gate results were read (build check-fast or check-full to record them).\n\n";
    else {
        out += "| gate | status | findings | time | note |\n|---|---|---:|---:|---|\n";
        for (const auto& g : d.gates)
            out += "| " + markdownText(g.name) + " | " + markdownText(g.status) + " | " +
                   std::to_string(g.findings) + " | " + fixedNumber(g.seconds, 2) + " s | " +
                   markdownText(g.note) + " |\n";
        out += "\n";
    }
    out += "## Findings by rule\n\n";
    if (c.byRule.empty())
        out += "No findings.\n\n";
    else {
        out += "| rule | findings |\n|---|---:|\n";
        for (const auto& [rule, n] : c.byRule)
            out += "| " + code(rule) + " | " + std::to_string(n) + " |\n";
        out += "\n";
    }
    bool violating = false;
    for (const auto& e : d.edges)
        violating = violating || e.violations > 0;
    if (violating) {
        out += "## Violated layer edges\n\n| from | to | includes |\n|---|---|---:|\n";
        for (const auto& e : d.edges)
            if (e.violations > 0)
                out += "| " + markdownText(e.from) + " | " + markdownText(e.to) + " | " +
                       std::to_string(e.violations) + " |\n";
        out += "\n";
    }
    out += "## New findings\n\n";
    std::size_t listed = 0;
    for (const auto& f : d.findings) {
        if (f.state != FindingState::New)
            continue;
        if (listed++ == maxFindings) {
            out += "- … " + std::to_string(c.fresh - static_cast<long>(maxFindings)) +
                   " more (the HTML report lists them all)\n";
            break;
        }
        out += "- " + code(f.rule) + " " + markdownText(f.level) + " " + code(where(f.file, f.line)) + ": " +
               markdownText(f.message) + "\n";
        for (std::size_t i = 0; i < f.steps.size(); ++i)
            out += "  " + std::to_string(i + 1) + ". " + code(where(f.steps[i].file, f.steps[i].line)) + " " +
                   markdownText(f.steps[i].message) + "\n";
    }
    if (c.fresh == 0)
        out += "None.\n";
    out += "\n";
    for (FindingState state : {FindingState::Baselined, FindingState::Allowed}) {
        const long n = state == FindingState::Baselined ? c.baselined : c.allowed;
        if (n == 0)
            continue;
        out += std::string("## ") + (state == FindingState::Baselined ? "Baselined" : "Allowed") + " (" +
               std::to_string(n) + ")\n\n";
        for (const auto& f : d.findings)
            if (f.state == state)
                out += "- " + code(f.rule) + " " + code(where(f.file, f.line)) +
                       (f.expires.empty() ? "" : " until " + markdownText(f.expires)) + ": " +
                       markdownText(f.message) + "\n";
        out += "\n";
    }
    out += "## Trends\n\n";
    const TelemetrySummary& t = d.telemetry;
    if (!t.present)
        return out + "No telemetry store was read.\n" +
               (t.clustersNote.empty() ? "" : "\n" + markdownText(t.clustersNote) + ".\n");
    long total = 0;
    for (const auto& day : t.failuresPerDay)
        total += day.failures;
    out += "From " + markdownText(t.source) + ": " + std::to_string(total) + " test failures";
    if (!t.failuresPerDay.empty())
        out += " from " + t.failuresPerDay.front().day + " to " + t.failuresPerDay.back().day;
    out += ".\n\n";
    if (!t.topPatterns.empty()) {
        out += "| pattern | failures | newest |\n|---|---:|---|\n";
        for (const auto& p : t.topPatterns)
            out += "| " + code(p.patternId.substr(0, 12)) + " | " + std::to_string(p.occurrences) + " | " +
                   markdownText(p.example) + " |\n";
        out += "\n";
    }
    if (!t.flakyTests.empty()) {
        out += "| flaky test | runs failed | runs passed |\n|---|---:|---:|\n";
        for (const auto& f : t.flakyTests)
            out += "| " + markdownText(f.test) + " | " + std::to_string(f.failed) + " | " +
                   std::to_string(f.passed) + " |\n";
        out += "\n";
    }
    if (!t.clusters.empty()) {
        out += "| similar-incident cluster | failures | first seen | last seen | example "
               "|\n|---|---:|---|---|---|\n";
        for (const auto& c : t.clusters) {
            std::string ids;
            for (const auto& id : c.patternIds)
                ids += (ids.empty() ? "" : " ") + code(id.substr(0, 12));
            out += "| " + ids + " | " + std::to_string(c.failures) + " | " + c.firstSeen + " | " +
                   c.lastSeen + " | " + markdownText(c.example) + " |\n";
        }
        out += "\n";
    } else if (!t.clustersNote.empty())
        out += "Similar-incident clusters: " + markdownText(t.clustersNote) + ".\n\n";
    if (!t.proposals.empty()) {
        out += "| self-heal attempt | status | outcome | risk | branch | description "
               "|\n|---|---|---|---:|---|---|\n";
        for (const auto& p : t.proposals)
            out += "| " + code(p.id) + " | " + markdownText(p.status) + " | " + markdownText(p.outcome) +
                   " | " + std::to_string(p.risk) + " | " + markdownText(p.branch) + " | " +
                   markdownText(p.description) + " |\n";
        out += "\n";
    }
    return out;
}

} // namespace devos::report
