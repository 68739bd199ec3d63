#include "report/sarif_findings.hpp"

#include <algorithm>
#include <map>

namespace devos::report {
namespace {

using nlohmann::json;

std::unexpected<foundation::Error> invalid(const std::string& origin, const std::string& what) {
    return foundation::fail(foundation::ErrorKind::Invalid, "not a SARIF log the report can read: " + what,
                            origin, 0,
                            "rebuild check-fast or check-full to rewrite it, or pass the SARIF of "
                            "`devos check --format sarif` with --sarif");
}

std::string stringAt(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

unsigned lineOf(const json& physical) {
    auto region = physical.find("region");
    if (region == physical.end() || !region->is_object())
        return 0;
    auto line = region->find("startLine");
    return line != region->end() && line->is_number_unsigned() ? line->get<unsigned>() : 0;
}

std::string uriOf(const json& physical) {
    auto artifact = physical.find("artifactLocation");
    return artifact != physical.end() && artifact->is_object() ? stringAt(*artifact, "uri") : std::string();
}

// "devos/layering/" -> "layering"; the run's tool name when there is no such id.
std::string gateOf(const json& run) {
    std::string id;
    if (auto details = run.find("automationDetails"); details != run.end() && details->is_object())
        id = stringAt(*details, "id");
    if (id.starts_with("devos/")) {
        id = id.substr(6);
        if (auto slash = id.find('/'); slash != std::string::npos)
            id.resize(slash);
        return id;
    }
    return "";
}

std::string chainKindOf(const std::vector<ChainStep>& steps) {
    if (steps.empty())
        return "";
    bool calls = false;
    for (const auto& s : steps) {
        if (s.message == "included from here")
            return "include";
        calls = calls || s.message.starts_with("calls '");
    }
    return calls ? "call" : "related";
}

// The paragraph "\n\n<label>: ..." of a rule's help text, without its label; empty when missing.
std::string paragraph(const std::string& text, const std::string& label) {
    const std::string marker = "\n\n" + label + ": ";
    std::size_t at = text.find(marker);
    if (at == std::string::npos)
        return "";
    at += marker.size();
    const std::size_t end = text.find("\n\n", at);
    return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

} // namespace

RuleText ruleTextFromHelp(const std::string& id, const std::string& helpText) {
    RuleText rule{id, helpText.substr(0, helpText.find("\n\n")), paragraph(helpText, "Why"),
                  paragraph(helpText, "Instead"), paragraph(helpText, "Allowed")};
    if (rule.why.empty() && rule.instead.empty() && rule.allowed.empty())
        rule.summary = helpText;
    return rule;
}

foundation::Expected<SarifContent> readSarif(const json& log, const std::string& origin) {
    if (!log.is_object() || !log.contains("runs") || !log["runs"].is_array())
        return invalid(origin, "it has no 'runs' list");
    SarifContent out;
    std::map<std::string, RuleText> rules;
    std::size_t runIndex = 0;
    for (const auto& run : log["runs"]) {
        const std::string where = "runs[" + std::to_string(runIndex++) + "]";
        if (!run.is_object() || !run.contains("results") || !run["results"].is_array())
            return invalid(origin, where + " has no 'results' list");
        const std::string gate = gateOf(run);
        if (auto driver = run.find("tool");
            driver != run.end() && driver->is_object() && driver->contains("driver")) {
            const json& d = (*driver)["driver"];
            if (d.is_object() && d.contains("rules") && d["rules"].is_array())
                for (const auto& r : d["rules"]) {
                    const std::string id = stringAt(r, "id");
                    if (id.empty() || rules.contains(id))
                        continue;
                    std::string help;
                    if (auto h = r.find("help"); h != r.end() && h->is_object())
                        help = stringAt(*h, "text");
                    RuleText text = ruleTextFromHelp(id, help);
                    if (text.why.empty())
                        if (auto full = r.find("fullDescription"); full != r.end() && full->is_object())
                            text.why = stringAt(*full, "text");
                    rules.emplace(id, std::move(text));
                }
        }
        std::size_t resultIndex = 0;
        for (const auto& result : run["results"]) {
            const std::string at = where + ".results[" + std::to_string(resultIndex++) + "]";
            if (!result.is_object() || stringAt(result, "ruleId").empty())
                return invalid(origin, at + " has no ruleId");
            auto message = result.find("message");
            if (message == result.end() || !message->is_object() || !message->contains("text"))
                return invalid(origin, at + " has no message text");
            FindingEntry f;
            f.rule = stringAt(result, "ruleId");
            f.level = result.contains("level") ? stringAt(result, "level") : "warning";
            f.message = stringAt(*message, "text");
            f.gate = gate;
            if (auto locations = result.find("locations");
                locations != result.end() && locations->is_array() && !locations->empty()) {
                const json& first = (*locations)[0];
                if (first.is_object() && first.contains("physicalLocation")) {
                    f.file = uriOf(first["physicalLocation"]);
                    f.line = lineOf(first["physicalLocation"]);
                }
            }
            if (auto prints = result.find("partialFingerprints");
                prints != result.end() && prints->is_object())
                f.fingerprint = stringAt(*prints, "devos/v1");
            if (auto related = result.find("relatedLocations");
                related != result.end() && related->is_array())
                for (const auto& r : *related) {
                    ChainStep step;
                    if (r.contains("physicalLocation") && r["physicalLocation"].is_object()) {
                        step.file = uriOf(r["physicalLocation"]);
                        step.line = lineOf(r["physicalLocation"]);
                    }
                    if (auto m = r.find("message"); m != r.end() && m->is_object())
                        step.message = stringAt(*m, "text");
                    f.steps.push_back(std::move(step));
                }
            f.chainKind = chainKindOf(f.steps);
            out.findings.push_back(std::move(f));
        }
    }
    for (auto& [id, text] : rules)
        out.rules.push_back(std::move(text));
    return out;
}

} // namespace devos::report
