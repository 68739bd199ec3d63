#include <algorithm>
#include <cmath>
#include <devos/logic/fix_outcome.hpp>
#include <devos/logic/hunk_reapply.hpp>
#include <devos/logic/playbook.hpp>
#include <devos/logic/unified_diff.hpp>

namespace devos::logic {
namespace {

std::string shortSha(const std::string& sha) {
    return sha.substr(0, 7);
}

} // namespace

std::vector<contracts::SimilarIncident> reusableFixes(const contracts::AgentRequest& request) {
    const auto sameTest = [&](const contracts::SimilarIncident& i) {
        return i.fix->testName == request.testName;
    };
    std::vector<contracts::SimilarIncident> out;
    for (const auto& i : request.similarIncidents)
        if (i.fix && !i.fix->diffTruncated && !i.fix->diff.empty() && isReusable(*i.fix) &&
            (sameTest(i) || i.fix->patternId == request.signal.patternId || i.score >= kOtherTestSimilarity))
            out.push_back(i);
    std::ranges::sort(out, [&](const contracts::SimilarIncident& a, const contracts::SimilarIncident& b) {
        const int rankA = outcomeRank(a.fix->outcome.state), rankB = outcomeRank(b.fix->outcome.state);
        if (rankA != rankB)
            return rankA < rankB;
        if (sameTest(a) != sameTest(b))
            return sameTest(a);
        if (a.score != b.score)
            return a.score > b.score;
        if (a.fix->ts != b.fix->ts)
            return a.fix->ts > b.fix->ts;
        return a.fix->id < b.fix->id;
    });
    return out;
}

std::vector<std::string> filesOfFix(const contracts::RecordedFix& fix) {
    std::vector<std::string> files;
    const auto patches = parseUnifiedDiff(fix.diff);
    if (!patches)
        return files;
    for (const auto& p : *patches) {
        const std::string& path = p.newPath.empty() ? p.oldPath : p.newPath;
        if (!path.empty() && std::ranges::find(files, path) == files.end())
            files.push_back(path);
    }
    return files;
}

std::expected<contracts::AgentAnswer, std::string> playbookAnswer(const contracts::AgentRequest& request) {
    const auto candidates = reusableFixes(request);
    if (candidates.empty())
        return std::unexpected(
            std::to_string(request.similarIncidents.size()) +
            " similar past failures, none with a recorded fix of this test or pattern the playbook "
            "can re-apply");
    std::string why;
    for (const auto& incident : candidates) {
        const auto& fix = *incident.fix;
        const std::string label = "fix " + fix.id + " (" + shortSha(fix.fixingCommit) + ")";
        const auto patches = parseUnifiedDiff(fix.diff);
        if (!patches) {
            why += label + ": its diff does not parse (" + patches.error().message + "); ";
            continue;
        }
        std::vector<SearchReplaceBlock> blocks;
        std::vector<std::string> paths;
        int shift = 0, mismatches = 0;
        bool whitespace = false;
        std::string refused;
        for (const auto& patch : *patches) {
            const std::string& path = patch.newPath.empty() ? patch.oldPath : patch.newPath;
            const auto today = std::ranges::find(request.codeContext, path, &contracts::SourceFile::path);
            if (today == request.codeContext.end()) {
                refused = path + " is not in the repository any more";
                break;
            }
            auto applied = reapplyFilePatch(patch, today->content);
            if (!applied) {
                refused = applied.error().rule + ": " + applied.error().message;
                break;
            }
            shift = std::max(shift, applied->maxShift);
            mismatches += applied->contextMismatches;
            whitespace = whitespace || applied->whitespaceDiffered;
            blocks.push_back(coveringBlock(path, today->content, applied->after));
            paths.push_back(path);
        }
        if (!refused.empty() || blocks.empty()) {
            why += label + ": " + (refused.empty() ? "it changes no source file" : refused) + "; ";
            continue;
        }
        std::string files;
        for (const auto& p : paths)
            files += (files.empty() ? "" : ", ") + p;
        std::vector<std::string> drift;
        if (shift > 0)
            drift.push_back("context moved " + std::to_string(shift) + " line" + (shift == 1 ? "" : "s"));
        if (whitespace)
            drift.push_back("whitespace differed");
        if (mismatches > 0)
            drift.push_back(std::to_string(mismatches) + " context line" + (mismatches == 1 ? "" : "s") +
                            " renamed");
        std::string driftText;
        for (const auto& d : drift)
            driftText += (driftText.empty() ? " (" : ", ") + d;
        if (!driftText.empty())
            driftText += ")";
        contracts::AgentAnswer answer;
        answer.model = kPlaybookModel;
        answer.text = renderSearchReplace(blocks);
        answer.reasoning = "re-applies " + shortSha(fix.fixingCommit) + "'s change to " + files + driftText;
        answer.confidence = std::clamp(
            static_cast<int>(std::lround(incident.score * 100.0F)) - 5 * std::min(mismatches, 4), 0, 100);
        answer.references = {fix.id, fix.fixingCommit};
        return answer;
    }
    return std::unexpected("the recorded fixes do not apply to today's code: " +
                           why.substr(0, why.size() - 2));
}

} // namespace devos::logic
