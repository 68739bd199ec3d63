#include "mcp/proposal_bundle.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace devos::mcp {
namespace {

using nlohmann::json;

bool isFullCommit(const json& value) {
    if (!value.is_string())
        return false;
    const auto& text = value.get_ref<const std::string&>();
    return text.size() == 40 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

} // namespace

bool isProposalPath(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos)
        return false;
    std::size_t start = 0;
    bool first = true;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        if (first && (part == ".git" || part == ".devos"))
            return false;
        first = false;
        start = end + 1;
    }
    return true;
}

foundation::Expected<ProposalBundle> readProposalReport(const std::string& proposalId,
                                                        std::string_view reportJson,
                                                        const std::string& reportPath) {
    const std::string redo =
        "run devos_propose_fix (or devos heal) again for the failure to get a new proposal";
    const json report = json::parse(reportJson, nullptr, false);
    if (report.is_discarded() || !report.is_object())
        return foundation::fail(foundation::ErrorKind::Invalid, "not a JSON object", reportPath, 0, redo);
    if (report.value("status", json()) != "proposed")
        return foundation::fail(
            foundation::ErrorKind::Invalid,
            "the bundle is not a proposal (status is not \"proposed\"): devos heal stopped", reportPath, 0,
            "only a validated, proven proposal can be applied; " + redo);
    const json proposal = report.value("proposal", json());
    const json failure = report.value("failure", json());
    if (!proposal.is_object() || !failure.is_object())
        return foundation::fail(foundation::ErrorKind::Invalid, "no `proposal` or `failure` object",
                                reportPath, 0, redo);
    ProposalBundle b;
    b.id = proposalId;
    b.branch = "selfheal/" + proposalId;
    if (proposal.value("id", json()) != proposalId)
        return foundation::fail(foundation::ErrorKind::Invalid, "proposal.id is not " + proposalId,
                                reportPath, 0, redo);
    if (proposal.value("branch", json()) != b.branch)
        return foundation::fail(foundation::ErrorKind::Invalid, "proposal.branch is not " + b.branch,
                                reportPath, 0,
                                "a proposal is only ever applied on its own selfheal/<id> branch; " + redo);
    if (!isFullCommit(proposal.value("commit", json())) || !isFullCommit(failure.value("commit", json())))
        return foundation::fail(
            foundation::ErrorKind::Invalid,
            "proposal.commit and failure.commit must be 40-digit lower-case hex commit ids", reportPath, 0,
            redo);
    b.commit = proposal["commit"];
    b.baseCommit = failure["commit"];
    const json files = proposal.value("files", json());
    if (!files.is_array() || files.empty() || files.size() > 100)
        return foundation::fail(foundation::ErrorKind::Invalid, "proposal.files must list 1 to 100 paths",
                                reportPath, 0, redo);
    for (const auto& f : files) {
        if (!f.is_string() || !isProposalPath(f.get_ref<const std::string&>()))
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "proposal.files holds " + f.dump() +
                                        ", not a repo-relative path outside .git and .devos",
                                    reportPath, 0, redo);
        b.files.push_back(f);
    }
    return b;
}

} // namespace devos::mcp
