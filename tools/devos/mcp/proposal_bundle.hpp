#pragma once
// What devos_apply_proposal takes from a `devos heal` proposal bundle (.devos/selfheal/<id>/): its
// report.json, parsed strictly, because a bundle is a file on disk anyone (or an agent) could edit.
// Pure: text in, facts or an error out.
#include <devos/foundation/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace devos::mcp {

// A validated proposal: its branch is always selfheal/<id>, its commits full hex ids, its files
// repo-relative paths outside .git and .devos.
struct ProposalBundle {
    std::string id;
    std::string branch;     // "selfheal/" + id
    std::string commit;     // the proposal's commit on `branch`
    std::string baseCommit; // the failing commit the proposal was made on (failure.commit)
    std::vector<std::string> files;
};

// True for a path a proposal may change: relative, '/'-separated, no empty, "." or ".." part, not
// under .git/ or .devos/.
[[nodiscard]] bool isProposalPath(std::string_view path);

// The proposal of `proposalId` from its report.json text (`reportPath` names it in errors): Invalid
// unless it is a JSON object with status "proposed" and a proposal whose id is `proposalId`, branch
// selfheal/<id>, commit and failure.commit 40 hex digits, and files a non-empty list of proposal paths.
[[nodiscard]] foundation::Expected<ProposalBundle>
readProposalReport(const std::string& proposalId, std::string_view reportJson, const std::string& reportPath);

} // namespace devos::mcp
