#include "sarif_parts.hpp"

#include <algorithm>
#include <devos/foundation/files.hpp>
#include <devos/output/line_hash.hpp>
#include <devos/output/sarif_writer.hpp>
#include <map>
#include <numeric>
#include <optional>
#include <utility>

namespace devos::output {
namespace {

using sarif::Json;

constexpr const char* schemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

// GitHub's primaryLocationLineHash for findings, reading each source file under the repo once.
class LineHashes {
public:
    explicit LineHashes(const std::string& repoRoot) : repoRoot_(repoRoot) {}

    // The hash of the finding's line; empty when the line is unknown or the file cannot be read.
    std::string of(const engine::SourcePoint& at) {
        if (at.line == 0)
            return {};
        auto [entry, inserted] = files_.try_emplace(at.file);
        if (inserted)
            entry->second = hashFile(at.file);
        const auto& hashes = entry->second;
        return hashes && at.line <= hashes->size() ? (*hashes)[at.line - 1] : std::string();
    }

private:
    std::optional<std::vector<std::string>> hashFile(const std::string& file) const {
        // A file that is gone (a deleted source, a baseline entry) gets no line hashes, only its fingerprint.
        auto text = foundation::readTextFile(file.starts_with('/') ? file : repoRoot_ + "/" + file);
        if (!text)
            return std::nullopt;
        return lineHashes(*text);
    }

    std::string repoRoot_;
    std::map<std::string, std::optional<std::vector<std::string>>> files_;
};

int severityRank(engine::Level level) {
    switch (level) {
    case engine::Level::Error:
        return 0;
    case engine::Level::Warning:
        return 1;
    case engine::Level::Note:
        return 2;
    case engine::Level::Off:
        return 3;
    }
    return 3;
}

// The findings to upload, in report order: all that are not baselined, or when that is more than GitHub
// accepts, the most severe ones (report order among equals).
std::vector<const engine::Finding*> selectResults(const std::vector<engine::Finding>& findings) {
    std::vector<const engine::Finding*> reported;
    for (const auto& finding : findings)
        if (!finding.baselined)
            reported.push_back(&finding);
    if (reported.size() <= SarifLimits::resultsPerRun)
        return reported;
    std::vector<std::size_t> order(reported.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(severityRank(reported[a]->level), a) <
               std::pair(severityRank(reported[b]->level), b);
    });
    order.resize(SarifLimits::resultsPerRun);
    std::sort(order.begin(), order.end());
    std::vector<const engine::Finding*> kept;
    for (std::size_t i : order)
        kept.push_back(reported[i]);
    return kept;
}

Json driver(const Report& report) {
    Json rules = Json::array();
    if (report.catalog != nullptr)
        for (const auto& rule : report.catalog->rules())
            rules.push_back(sarif::ruleDescriptor(rule, *report.catalog));
    return Json{{"name", "devos"},
                {"version", report.toolVersion},
                {"semanticVersion", report.toolVersion},
                {"informationUri", report.informationUri},
                {"rules", std::move(rules)}};
}

Json invocation(const Report& report, std::size_t omitted) {
    Json notifications = Json::array();
    auto notify = [&](const std::string& text) {
        notifications.push_back(Json{{"level", "warning"}, {"message", {{"text", text}}}});
    };
    for (const auto& text : report.toolNotifications)
        notify(text);
    if (omitted != 0)
        notify(std::to_string(omitted) + " of " + std::to_string(omitted + SarifLimits::resultsPerRun) +
               " results left out: GitHub code scanning accepts at most " +
               std::to_string(SarifLimits::resultsPerRun) +
               " results per run, so errors were kept first, then warnings, then notes. The text and JSON "
               "outputs list every finding.");
    Json out{{"executionSuccessful", true}};
    if (!report.repoRoot.empty())
        out["workingDirectory"] = Json{{"uri", sarif::directoryUri(report.repoRoot)}};
    if (!notifications.empty())
        out["toolExecutionNotifications"] = std::move(notifications);
    return out;
}

} // namespace

std::string renderSarif(const Report& report) {
    auto selected = selectResults(report.findings);
    LineHashes hashes(report.repoRoot);
    Json results = Json::array();
    for (const engine::Finding* finding : selected)
        results.push_back(sarif::result(*finding, report.catalog, hashes.of(finding->at), report.repoRoot));
    Summary summary = summarize(report);
    std::size_t omitted = report.findings.size() - summary.baselined - selected.size();

    Json run{{"tool", {{"driver", driver(report)}}}};
    if (!report.automationId.empty())
        run["automationDetails"] = Json{{"id", report.automationId}};
    if (!report.repoRoot.empty())
        run["originalUriBaseIds"] = Json{{sarif::srcRootId, {{"uri", sarif::directoryUri(report.repoRoot)}}}};
    run["invocations"] = Json::array({invocation(report, omitted)});
    run["results"] = std::move(results);
    run["properties"] = Json{{"baselinedResults", summary.baselined}, {"omittedResults", omitted}};
    for (const auto& [key, value] : report.runProperties)
        run["properties"][key] = value;

    Json log{{"$schema", schemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
    return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace devos::output
