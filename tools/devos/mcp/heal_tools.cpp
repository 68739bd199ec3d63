#include "mcp/heal_tools.hpp"

#include "heal/heal_use_cases.hpp"
#include "mcp/proposal_bundle.hpp"

#include <cstdlib>
#include <devos/adapters/git/git_heal_workspace.hpp>
#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/foundation/text.hpp>
#include <devos/logic/hunk_reapply.hpp>
#include <devos/logic/ulid.hpp>
#include <devos/logic/unified_diff.hpp>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

using nlohmann::json;

// Long texts in the outcome (evidence, diffs) cut so the result stays within an agent's budget.
void capStrings(json& value, std::size_t bytes) {
    if (value.is_string()) {
        if (value.get_ref<const std::string&>().size() > bytes)
            value = foundation::truncateUtf8(value.get_ref<const std::string&>(), bytes);
    } else if (value.is_structured()) {
        for (auto& item : value)
            capStrings(item, bytes);
    }
}

foundation::Expected<json> proposeFix(McpWorkspace& ws, const json& args, const ToolCall& call) {
    std::error_code ec;
    if (!fs::exists(fs::path(ws.paths().root) / ".git", ec))
        return foundation::fail(foundation::ErrorKind::Invalid, ws.paths().root + " is not a git work tree",
                                "", 0, "devos heal works on a clone with history: serve devos mcp from one");
    heal::HealCommandRequest heal;
    heal.failureId = args["failure_id"].get<std::string>();
    heal.workingDir = ws.paths().root;
    heal.db = ws.paths().db;
    if (fs::exists(fs::path(ws.paths().buildDir) / "CMakeCache.txt", ec))
        heal.buildDir = ws.paths().buildDir;
    heal.agent = args.value("agent", "");
    double step = 0;
    heal.progress = [&call, &step](const std::string& line) { call.report(++step, std::nullopt, line); };
    auto outcome = heal::healFailure(heal);
    if (!outcome)
        return std::unexpected(outcome.error());
    json out = json::parse(adapters::selfHealOutcomeJson(*outcome));
    capStrings(out, 4000);
    return json{{"proposed", outcome->proposed}, {"outcome", out}};
}

// A real folder (no symlink on the way) under the repo root, or Invalid naming it.
foundation::Expected<void> realFolder(adapters::GitHealWorkspace& git, const std::string& root,
                                      const std::string& relative, const std::string& id) {
    const contracts::PathFact fact = git.pathFact(root, relative);
    if (fact.kind != contracts::PathKind::Directory || fact.viaSymlink)
        return foundation::fail(
            foundation::ErrorKind::NotFound,
            "no proposal bundle " + relative + " in " + root + " for proposal " + id, "", 0,
            "use a proposal id that devos_propose_fix (or devos heal) returned in this repo");
    return {};
}

// The proposal's branch re-created from its bundle when it was deleted: a worktree of the failing
// commit, fix.patch re-applied there (all of it or nothing), committed on selfheal/<id>.
foundation::Expected<std::string> recreateBranch(adapters::GitHealWorkspace& git, const std::string& root,
                                                 const ProposalBundle& b, const std::string& bundleDir,
                                                 const std::string& worktree) {
    auto patchText = git.readFile(bundleDir + "/fix.patch");
    if (!patchText)
        return std::unexpected(patchText.error());
    auto patches = logic::parseUnifiedDiff(*patchText);
    if (!patches)
        return std::unexpected(patches.error());
    const std::set<std::string> listed(b.files.begin(), b.files.end());
    for (const auto& p : *patches)
        if (p.newPath != p.oldPath || !listed.contains(p.newPath))
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "fix.patch changes " + (p.newPath.empty() ? p.oldPath : p.newPath) +
                                        ", which the report's proposal.files does not list (or renames it)",
                                    bundleDir + "/fix.patch", 0,
                                    "the bundle was edited: run devos_propose_fix again");
    if (auto base = git.resolveCommit(root, b.baseCommit); !base)
        return std::unexpected(base.error());
    if (auto added = git.addWorktree(root, "selfheal-" + b.id, worktree, b.baseCommit); !added)
        return std::unexpected(added.error());
    auto applied = [&]() -> foundation::Expected<std::string> {
        std::vector<std::string> files;
        for (const auto& p : *patches) {
            const contracts::PathFact fact = git.pathFact(worktree, p.newPath);
            if (fact.kind != contracts::PathKind::Regular || fact.viaSymlink)
                return foundation::fail(foundation::ErrorKind::Invalid,
                                        p.newPath + " is not a regular file at the failing commit", "", 0,
                                        "run devos_propose_fix again");
            auto today = git.readFile(worktree + "/" + p.newPath);
            if (!today)
                return std::unexpected(today.error());
            auto after = logic::reapplyFilePatch(p, *today);
            if (!after)
                return foundation::fail(foundation::ErrorKind::Invalid,
                                        "fix.patch does not apply to " + p.newPath + " at " + b.baseCommit +
                                            ": " + after.error().message,
                                        bundleDir + "/fix.patch", 0, "run devos_propose_fix again");
            if (auto written = git.writeFile(worktree + "/" + p.newPath, after->after); !written)
                return std::unexpected(written.error());
            files.push_back(p.newPath);
        }
        return git.commitOnNewBranch(worktree, b.branch, files,
                                     "DevOS proposal " + b.id +
                                         ", re-applied from its bundle\n\nDevOS-Proposal: " + b.id + "\n");
    }();
    if (!applied)
        (void)git.removeWorktree(root, "selfheal-" + b.id, worktree);
    return applied;
}

foundation::Expected<json> applyProposal(McpWorkspace& ws, const json& args) {
    const std::string id = args["proposal_id"];
    if (!logic::isUlid(id))
        return foundation::fail(
            foundation::ErrorKind::Invalid, "proposal_id '" + id + "' is not a proposal id", "", 0,
            "a proposal id is the 26-character id devos_propose_fix returned in proposal.id");
    const std::string& root = ws.paths().root;
    adapters::GitHealWorkspace git;
    const std::string relative = ".devos/selfheal/" + id;
    for (const char* folder : {".devos", ".devos/selfheal"})
        if (auto real = realFolder(git, root, folder, id); !real)
            return std::unexpected(real.error());
    if (auto real = realFolder(git, root, relative, id); !real)
        return std::unexpected(real.error());
    const std::string bundleDir = root + "/" + relative, reportPath = bundleDir + "/report.json";
    const contracts::PathFact reportFact = git.pathFact(root, relative + "/report.json");
    if (reportFact.kind != contracts::PathKind::Regular || reportFact.viaSymlink)
        return foundation::fail(foundation::ErrorKind::NotFound, "the bundle has no report.json", reportPath,
                                0, "run devos_propose_fix again for the failure");
    auto reportText = git.readFile(reportPath);
    if (!reportText)
        return std::unexpected(reportText.error());
    auto bundle = readProposalReport(id, *reportText, reportPath);
    if (!bundle)
        return std::unexpected(bundle.error());
    const std::string worktree = bundleDir + "/worktree";
    json out = {{"proposal_id", id},
                {"branch", bundle->branch},
                {"worktree", relative + "/worktree"},
                {"base_commit", bundle->baseCommit},
                {"files", bundle->files},
                {"recreated", false}};
    const contracts::PathFact worktreeFact = git.pathFact(root, relative + "/worktree");
    if (worktreeFact.kind != contracts::PathKind::Missing) {
        auto tip = git.resolveCommit(root, "refs/heads/" + bundle->branch);
        std::string head;
        if (worktreeFact.kind == contracts::PathKind::Directory && !worktreeFact.viaSymlink)
            if (auto state = git.checkout(worktree))
                head = state->head;
        if (!tip || head != *tip)
            return foundation::fail(
                foundation::ErrorKind::Invalid,
                relative + "/worktree exists but is not a checkout of " + bundle->branch, "", 0,
                "remove it (git worktree remove " + relative + "/worktree) and apply again");
        out["status"] = "already_applied";
        out["commit"] = *tip;
        return out;
    }
    if (git.branchExists(root, bundle->branch)) {
        auto tip = git.resolveCommit(root, "refs/heads/" + bundle->branch);
        if (!tip)
            return std::unexpected(tip.error());
        if (*tip != bundle->commit)
            return foundation::fail(
                foundation::ErrorKind::Invalid,
                bundle->branch + " is at " + *tip + ", not at the proposal's commit " + bundle->commit, "", 0,
                "someone committed on the proposal's branch: review it with git log");
        if (auto added = git.addWorktree(root, "selfheal-" + id, worktree, *tip); !added)
            return std::unexpected(added.error());
        out["status"] = "applied";
        out["commit"] = *tip;
        return out;
    }
    auto commit = recreateBranch(git, root, *bundle, bundleDir, worktree);
    if (!commit)
        return std::unexpected(commit.error());
    out["status"] = "applied";
    out["commit"] = *commit;
    out["recreated"] = true;
    return out;
}

} // namespace

std::vector<McpTool> healTools(std::shared_ptr<McpWorkspace> ws) {
    std::vector<McpTool> tools;
    tools.push_back({"devos_propose_fix",
                     "devos heal: a patch for a stored failure, proven by building and testing on "
                     "selfheal/<id>, never main.",
                     "heal",
                     json::parse(
                         R"j({"type":"object","required":["failure_id"],"properties":{
                        "failure_id":{"type":"string","minLength":1,"maxLength":64},
                        "agent":{"enum":["playbook","chat","auto"]}}})j"),
                     json::parse(R"j({"type":"object","required":["proposed","outcome"],"properties":{
                        "proposed":{"type":"boolean"},
                        "outcome":{"type":"object","description":"status, reason, evidence, rejections, proposal, steps"}}})j"),
                     {false, false, false, true},
                     [ws](const json& a, const ToolCall& c) { return proposeFix(*ws, a, c); }});
    tools.push_back(
        {"devos_apply_proposal",
         "Checks out a proposal's selfheal/<id> branch in its own worktree, never main.",
         "heal",
         json::parse(
             R"j({"type":"object","required":["proposal_id"],"properties":{
                        "proposal_id":{"type":"string","minLength":26,"maxLength":26,"pattern":"^[0-7][0-9A-HJKMNP-TV-Z]{25}$","description":"from devos_propose_fix"}}})j"),
         json::parse(
             R"j({"type":"object","required":["proposal_id","status","branch","commit","worktree","base_commit","files","recreated"],"properties":{
                        "proposal_id":{"type":"string"},"status":{"enum":["applied","already_applied"]},
                        "branch":{"type":"string"},"commit":{"type":"string"},"worktree":{"type":"string"},
                        "base_commit":{"type":"string"},"files":{"type":"array","items":{"type":"string"}},"recreated":{"type":"boolean"}}})j"),
         {false, false, true, false},
         [ws](const json& a, const ToolCall&) { return applyProposal(*ws, a); }});
    return tools;
}

} // namespace devos::mcp
