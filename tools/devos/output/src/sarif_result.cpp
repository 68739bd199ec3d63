#include "sarif_parts.hpp"

#include <devos/output/sarif_writer.hpp>
#include <devos/output/stable_fingerprint.hpp>

namespace devos::output::sarif {
namespace {

// The message, then what to do instead: GitHub shows the first sentence where space is short.
std::string messageText(const engine::Finding& finding) {
    if (finding.instead.empty())
        return finding.message;
    return finding.message + (finding.message.ends_with('.') ? " " : ". ") + "Instead: " + finding.instead;
}

Json relatedLocations(const std::vector<engine::Note>& notes, const std::string& repoRoot) {
    Json locations = Json::array();
    for (std::size_t i = 0; i < notes.size() && i < SarifLimits::relatedLocationsPerResult; ++i) {
        const engine::Note& note = notes[i];
        locations.push_back(
            Json{{"id", i + 1},
                 {"physicalLocation", physicalLocation(note.at, note.at, repoRoot)},
                 {"message", {{"text", truncated(note.message, SarifLimits::messageBytes)}}}});
    }
    return locations;
}

} // namespace

Json result(const engine::Finding& finding, const engine::RuleCatalog* catalog, const std::string& lineHash,
            const std::string& repoRoot) {
    Json out{{"ruleId", finding.ruleId}};
    if (const engine::Rule* rule = catalog != nullptr ? catalog->find(finding.ruleId) : nullptr)
        out["ruleIndex"] = rule - catalog->rules().data();
    out["level"] = level(finding.level);
    out["message"] = Json{{"text", truncated(messageText(finding), SarifLimits::messageBytes)}};
    Json primary{{"physicalLocation", physicalLocation(finding.at, finding.end, repoRoot)}};
    out["locations"] = Json::array({std::move(primary)});
    if (!finding.notes.empty())
        out["relatedLocations"] = relatedLocations(finding.notes, repoRoot);
    Json fingerprints = Json::object();
    if (!lineHash.empty())
        fingerprints["primaryLocationLineHash"] = lineHash;
    fingerprints["devos/v1"] = stableFingerprint(finding);
    out["partialFingerprints"] = std::move(fingerprints);
    if (!finding.fixes.empty()) {
        std::string description = finding.instead.empty() ? "Apply the mechanical fix." : finding.instead;
        out["fixes"] = Json::array({fix(finding.fixes, description, repoRoot)});
    }
    return out;
}

} // namespace devos::output::sarif
