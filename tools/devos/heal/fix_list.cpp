#include "heal/fix_list.hpp"

#include <devos/entrypoints/telemetry.hpp>

namespace devos::heal {

foundation::Expected<FixList> listFixes(const FixListRequest& request) {
    entrypoints::TelemetryRequest opening = entrypoints::repoTelemetryRequest(request.repoRoot, request.db);
    opening.gitleaksConfig = ""; // nothing is redacted here
    opening.search = false;
    auto telemetry = entrypoints::Telemetry::open(std::move(opening));
    if (!telemetry)
        return std::unexpected(telemetry.error());
    contracts::FixQuery query;
    query.patternId = request.pattern;
    query.limit = 1000;
    auto fixes = (*telemetry)->store().fixes(query);
    if (!fixes)
        return std::unexpected(fixes.error());
    return FixList{(*telemetry)->storeName(), std::move(*fixes)};
}

nlohmann::json fixListJson(const FixList& list) {
    nlohmann::json fixes = nlohmann::json::array();
    for (const auto& f : list.fixes)
        fixes.push_back({{"id", f.id},
                         {"ts", f.ts},
                         {"source", contracts::fixSourceName(f.source)},
                         {"suite", f.suite},
                         {"test", f.testName},
                         {"pattern_id", f.patternId},
                         {"failure_id", f.failureId},
                         {"failing_run_id", f.failingRunId},
                         {"fixing_run_id", f.fixingRunId},
                         {"failing_commit", f.failingCommit},
                         {"fixing_commit", f.fixingCommit},
                         {"proposal_id", f.proposalId},
                         {"diff", f.diff},
                         {"diff_truncated", f.diffTruncated}});
    return {{"store", list.storeName}, {"fixes", fixes}};
}

std::string fixListText(const FixList& list) {
    std::string out = std::to_string(list.fixes.size()) + " recorded fix" +
                      (list.fixes.size() == 1 ? "" : "es") + " in " + list.storeName + "\n";
    for (const auto& f : list.fixes) {
        const std::string& fixedBy = f.fixingCommit.empty() ? f.proposalId : f.fixingCommit;
        out += "  " + f.id + "  " + f.testName + "  pattern " + f.patternId.substr(0, 12) + "  failed at " +
               f.failingCommit.substr(0, 7) + ", fixed by " + fixedBy.substr(0, 7) + "  (" +
               contracts::fixSourceName(f.source) + (f.diffTruncated ? ", diff truncated" : "") + ")\n";
    }
    return out;
}

} // namespace devos::heal
