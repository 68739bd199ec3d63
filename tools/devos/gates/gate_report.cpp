#include "gates/gate_report.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace devos::gates {
namespace {

int severity(const std::string& status) {
    if (status == "failed")
        return 3;
    if (status == "advisory")
        return 2;
    if (status == "passed")
        return 1;
    return 0; // skipped
}

std::string xmlEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t')
                out += c;
        }
    }
    return out;
}

// A SARIF run from compiler-style lines ("file:line:col: error: message [check]"), for tools
// such as clang-format that print diagnostics but no SARIF.
nlohmann::json runFromDiagnostics(const std::string& gate, const std::vector<GateResult>& parts) {
    static const std::regex line(R"(^([^:\n]+):(\d+):(\d+): (error|warning): (.*)$)");
    nlohmann::json results = nlohmann::json::array();
    for (const auto& part : parts) {
        std::istringstream in(part.detail);
        for (std::string text; std::getline(in, text);) {
            std::smatch m;
            if (!std::regex_match(text, m, line))
                continue;
            results.push_back(
                {{"ruleId", gate},
                 {"level", m[4].str()},
                 {"message", {{"text", m[5].str()}}},
                 {"locations",
                  {{{"physicalLocation",
                     {{"artifactLocation", {{"uri", m[1].str()}, {"uriBaseId", "%SRCROOT%"}}},
                      {"region",
                       {{"startLine", std::stoi(m[2].str())}, {"startColumn", std::stoi(m[3].str())}}}}}}}}});
        }
    }
    return {{"tool",
             {{"driver",
               {{"name", "devos-" + gate},
                {"rules", {{{"id", gate}, {"shortDescription", {{"text", "DevOS " + gate + " gate"}}}}}}}}}},
            {"automationDetails", {{"id", "devos/" + gate + "/"}}},
            {"results", results}};
}

} // namespace

std::vector<GateRow> foldResults(const std::vector<GateResult>& results) {
    std::vector<GateRow> rows;
    std::map<std::string, size_t> index;
    for (const auto& r : results) {
        auto [it, fresh] = index.emplace(r.name, rows.size());
        if (fresh)
            rows.push_back({r.name, r.status, 0, 0, {}});
        GateRow& row = rows[it->second];
        if (severity(r.status) > severity(row.status))
            row.status = r.status;
        row.findings += r.findings;
        row.seconds += r.seconds;
        row.parts.push_back(r);
    }
    return rows;
}

bool isFailure(const GateRow& row) {
    return row.status == "failed";
}

std::string renderTable(const std::string& title, const std::vector<GateRow>& rows) {
    std::string out = "\nDevOS " + title + "\n";
    char line[256];
    std::snprintf(line, sizeof line, "  %-14s %-9s %9s %9s\n", "gate", "status", "findings", "time");
    out += line;
    size_t failed = 0;
    for (const auto& row : rows) {
        failed += isFailure(row);
        std::string status = isFailure(row) ? "FAILED" : row.status;
        std::snprintf(line, sizeof line, "  %-14s %-9s %9ld %8.2fs\n", row.name.c_str(), status.c_str(),
                      row.findings, row.seconds);
        out += line;
        for (const auto& part : row.parts)
            if (part.status == row.status && !part.note.empty()) {
                out += "    (" + part.note + ")\n";
                break;
            }
    }
    out += failed ? "  FAILED: " + std::to_string(failed) + " of " + std::to_string(rows.size()) + " gates\n"
                  : "  PASSED: " + std::to_string(rows.size()) + " gates\n";
    return out;
}

std::string renderJunit(const std::string& suite, const std::vector<GateRow>& rows) {
    size_t failures = 0, skipped = 0;
    double total = 0;
    for (const auto& row : rows) {
        failures += isFailure(row);
        skipped += row.status == "skipped";
        total += row.seconds;
    }
    char head[512];
    std::snprintf(
        head, sizeof head,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"%s\" tests=\"%zu\" "
        "failures=\"%zu\" skipped=\"%zu\" time=\"%.3f\">\n",
        xmlEscape(suite).c_str(), rows.size(), failures, skipped, total);
    std::string out = head;
    for (const auto& row : rows) {
        char tc[256];
        std::snprintf(tc, sizeof tc, "    <testcase classname=\"devos\" name=\"%s\" time=\"%.3f\"",
                      xmlEscape(row.name).c_str(), row.seconds);
        out += tc;
        if (isFailure(row)) {
            std::string detail;
            for (const auto& p : row.parts)
                if (p.status == "failed")
                    detail += (p.note.empty() ? "" : p.note + "\n") + p.detail;
            out += ">\n      <failure message=\"" + std::to_string(row.findings) + " findings\">" +
                   xmlEscape(detail) + "</failure>\n    </testcase>\n";
        } else if (row.status == "skipped") {
            out += ">\n      <skipped message=\"" + xmlEscape(row.parts.front().note) +
                   "\"/>\n    </testcase>\n";
        } else {
            out += "/>\n";
        }
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string mergeSarif(const std::vector<GateRow>& rows) {
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& row : rows) {
        bool fromFile = false;
        for (const auto& part : row.parts) {
            if (part.sarif.empty())
                continue;
            std::ifstream in(part.sarif);
            if (!in)
                continue;
            try {
                auto log = nlohmann::json::parse(in);
                for (auto& run : log.at("runs")) {
                    run["automationDetails"] = {{"id", "devos/" + row.name + "/"}};
                    runs.push_back(run);
                }
                fromFile = true;
            } catch (const nlohmann::json::exception&) {
                continue; // a gate that failed before writing its SARIF: its row says so
            }
            break;
        }
        if (!fromFile && row.name == "format")
            runs.push_back(runFromDiagnostics(row.name, row.parts));
    }
    return nlohmann::json{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", runs}}
        .dump(2);
}

} // namespace devos::gates
