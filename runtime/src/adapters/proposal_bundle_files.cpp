#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

namespace fs = std::filesystem;

// Replaces `path` with `text` atomically: on a full disk the old file stays and the error names it.
contracts::Expected<void> writeText(const fs::path& path, const std::string& text) {
    auto written = foundation::writeFileAtomically(path.string(), text);
    if (!written)
        written.error().hint = "check the disk and the permissions of .devos/";
    return written;
}

std::string emptySarif() {
    const nlohmann::json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs",
                                 {{{"tool",
                                    {{"driver",
                                      {{"name", "devos heal"},
                                       {"informationUri", "https://github.com/devos/devos"},
                                       {"rules", nlohmann::json::array()}}}}},
                                   {"invocations", {{{"executionSuccessful", true}}}},
                                   {"results", nlohmann::json::array()}}}}};
    return log.dump(2) + "\n";
}

} // namespace

std::string selfHealOutcomeJson(const contracts::SelfHealOutcome& o) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : o.steps)
        steps.push_back({{"name", s.name},
                         {"status", contracts::stepStatusName(s.status)},
                         {"milliseconds", s.millis},
                         {"summary", s.summary}});
    nlohmann::json rejections = nlohmann::json::array();
    for (const auto& r : o.rejections)
        rejections.push_back(
            {{"rule", r.rule}, {"path", r.path}, {"line", r.line}, {"message", r.message}, {"hint", r.hint}});
    const auto& c = o.signal.context;
    nlohmann::json out = {{"status", o.proposed ? "proposed" : "stopped"},
                          {"failure",
                           {{"id", o.signal.id},
                            {"test", o.testName},
                            {"pattern_id", o.signal.patternId},
                            {"commit", c.commitSha},
                            {"branch", c.branch},
                            {"message", c.errorMessage}}},
                          {"steps", steps}};
    if (!o.proposed) {
        out["reason"] = contracts::stopReasonName(o.reason);
        out["evidence"] = o.evidence;
        out["hint"] = o.hint;
        out["rejections"] = rejections;
    }
    if (o.proposal) {
        const auto& p = *o.proposal;
        nlohmann::json files = nlohmann::json::array();
        for (const auto& d : p.diffs)
            files.push_back(d.path);
        out["proposal"] = {{"id", p.id},
                           {"branch", o.branch},
                           {"commit", o.commitSha},
                           {"bundle", o.bundleDir},
                           {"risk_score", o.risk.score},
                           {"agent", contracts::agentKindName(p.agent)},
                           {"model", p.agentContext.model},
                           {"confidence", p.confidence},
                           {"description", p.description},
                           {"files", files},
                           {"references", p.references}};
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& t : o.risk.terms)
            terms.push_back({{"name", t.name}, {"points", t.points}, {"why", t.why}});
        out["risk"] = {{"score", o.risk.score}, {"band", o.risk.band}, {"terms", terms}};
    }
    if (o.proposed) {
        out["autonomy"] = {
            {"level", o.autonomy.level}, {"action", o.autonomy.action}, {"reason", o.autonomy.reason}};
        out["proof"] = {{"failed_before", o.proof.failedBefore},
                        {"passed_after", o.proof.passedAfter},
                        {"unit_tests_passed", o.proof.unitTestsPassed},
                        {"unit_tests_total", o.proof.unitTestsTotal},
                        {"gate", o.proof.gate},
                        {"gate_passed", o.proof.gateOk}};
        out["labels"] = o.labels;
    }
    if (!o.worktree.empty())
        out["worktree"] = o.worktree;
    return out.dump(2);
}

contracts::Expected<void> ProposalBundleFiles::write(const std::string& folder,
                                                     const contracts::SelfHealOutcome& outcome,
                                                     const std::string& prMarkdown,
                                                     const std::string& patch) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return contracts::fail(contracts::ErrorKind::Io, "cannot create the proposal folder: " + ec.message(),
                               folder);
    const fs::path ignore = fs::path(folder).parent_path() / ".gitignore";
    if (!fs::exists(ignore))
        if (auto r =
                writeText(ignore, "# devos heal's proposals and worktrees: never part of the checkout\n*\n");
            !r)
            return r;
    for (const auto& [name, text] :
         {std::pair<const char*, std::string>{"PR.md", prMarkdown},
          {"fix.patch", patch},
          {"report.json", selfHealOutcomeJson(outcome) + "\n"},
          {"gates.sarif", outcome.proof.gateSarif.empty() ? emptySarif() : outcome.proof.gateSarif}})
        if (auto r = writeText(fs::path(folder) / name, text); !r)
            return r;
    return {};
}

} // namespace devos::adapters
