#include "gates/gate_report.hpp"

#include "gates/diagnostic_line.hpp"

#include <algorithm>
#include <charconv>
#include <devos/foundation/json.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string_view>

namespace devos::gates {
namespace {

int severity(GateStatus status) {
    switch (status) {
    case GateStatus::Failed:
        return 3;
    case GateStatus::Advisory:
        return 2;
    case GateStatus::Passed:
        return 1;
    case GateStatus::Skipped:
        return 0;
    }
    return 3;
}

// `text` as XML 1.0 may hold it: the C0 controls other than tab, newline and carriage return dropped.
std::string xmlText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r')
            out += c;
    return out;
}

// `value` with exactly `decimals` digits after the point.
std::string fixed(double value, int decimals) {
    char buffer[64];
    auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    return error == std::errc{} ? std::string(buffer, end) : std::string("0");
}

// `text` padded with spaces to `width` columns, on the right (left-aligned) or on the left.
std::string leftAligned(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}
std::string rightAligned(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

// Collects pugixml's output in a string.
struct StringWriter : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override {
        text.append(static_cast<const char*>(data), size);
    }
};

// A SARIF run from compiler-style lines ("file:line:col: error: message [check]"), for tools
// such as clang-format that print diagnostics but no SARIF.
nlohmann::json runFromDiagnostics(const std::string& gate, const std::vector<GateResult>& parts) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& part : parts) {
        for (const auto& d : diagnosticLines(part.detail)) {
            results.push_back({{"ruleId", gate},
                               {"level", d.level},
                               {"message", {{"text", d.message}}},
                               {"locations",
                                {{{"physicalLocation",
                                   {{"artifactLocation", {{"uri", d.file}, {"uriBaseId", "%SRCROOT%"}}},
                                    {"region", {{"startLine", d.line}, {"startColumn", d.column}}}}}}}}});
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
    return row.status == GateStatus::Failed;
}

std::string renderTable(const std::string& title, const std::vector<GateRow>& rows) {
    auto line = [](const std::string& gate, const std::string& status, const std::string& findings,
                   const std::string& time) {
        return "  " + leftAligned(gate, 14) + " " + leftAligned(status, 9) + " " + rightAligned(findings, 9) +
               " " + rightAligned(time, 9) + "\n";
    };
    std::string out = "\nDevOS " + title + "\n" + line("gate", "status", "findings", "time");
    size_t failed = 0;
    for (const auto& row : rows) {
        failed += isFailure(row);
        out += line(row.name, isFailure(row) ? "FAILED" : std::string(statusName(row.status)),
                    std::to_string(row.findings), fixed(row.seconds, 2) + "s");
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
        skipped += row.status == GateStatus::Skipped;
        total += row.seconds;
    }
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node testsuite = doc.append_child("testsuites").append_child("testsuite");
    testsuite.append_attribute("name") = xmlText(suite).c_str();
    testsuite.append_attribute("tests") = std::to_string(rows.size()).c_str();
    testsuite.append_attribute("failures") = std::to_string(failures).c_str();
    testsuite.append_attribute("skipped") = std::to_string(skipped).c_str();
    testsuite.append_attribute("time") = fixed(total, 3).c_str();
    for (const auto& row : rows) {
        pugi::xml_node testcase = testsuite.append_child("testcase");
        testcase.append_attribute("classname") = "devos";
        testcase.append_attribute("name") = xmlText(row.name).c_str();
        testcase.append_attribute("time") = fixed(row.seconds, 3).c_str();
        if (isFailure(row)) {
            std::string detail;
            for (const auto& p : row.parts)
                if (p.status == GateStatus::Failed)
                    detail += (p.note.empty() ? "" : p.note + "\n") + p.detail;
            pugi::xml_node failure = testcase.append_child("failure");
            failure.append_attribute("message") = (std::to_string(row.findings) + " findings").c_str();
            failure.text() = xmlText(detail).c_str();
        } else if (row.status == GateStatus::Skipped) {
            testcase.append_child("skipped").append_attribute("message") =
                xmlText(row.parts.front().note).c_str();
        }
    }
    StringWriter writer;
    doc.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
    return writer.text;
}

std::string mergeSarif(const std::vector<GateRow>& rows) {
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& row : rows) {
        bool fromFile = false;
        for (const auto& part : row.parts) {
            if (part.sarif.empty())
                continue;
            auto log = foundation::readJsonFile(part.sarif, "the gate's SARIF");
            if (!log)
                continue; // `devos gate run` failed the gate when it could not read this SARIF
            try {
                for (auto& run : log->at("runs")) {
                    run["automationDetails"] = {{"id", "devos/" + row.name + "/"}};
                    runs.push_back(run);
                }
                fromFile = true;
            } catch (const nlohmann::json::exception&) {
                continue; // a gate that failed before writing its SARIF: its row says so
            }
            break;
        }
        if (!fromFile && std::any_of(row.parts.begin(), row.parts.end(),
                                     [](const GateResult& part) { return part.diagnostics; }))
            runs.push_back(runFromDiagnostics(row.name, row.parts));
    }
    return nlohmann::json{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", runs}}
        .dump(2);
}

} // namespace devos::gates
