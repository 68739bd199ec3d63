#include <algorithm>
#include <devos/logic/proposal_validation.hpp>
#include <devos/logic/risk_score.hpp>
#include <devos/logic/unified_diff.hpp>
#include <set>
#include <string>

namespace devos::logic {
namespace {

// The layer a path belongs to for the risk score, and its weight.
std::pair<std::string, int> layerOf(std::string_view path) {
    if (isCMakePath(path))
        return {"build", 20};
    for (const auto& [layer, weight] : {std::pair<std::string_view, int>{"logic", 10},
                                        {"services", 15},
                                        {"adapters", 15},
                                        {"entrypoints", 15},
                                        {"contracts", 20},
                                        {"ports", 20}}) {
        const std::string folder = "/" + std::string(layer) + "/";
        if (("/" + std::string(path)).find(folder) != std::string::npos)
            return {std::string(layer), weight};
    }
    return {isTestPath(path) ? "tests" : "other", 10};
}

} // namespace

const char* riskBand(int score) {
    return score < 30 ? "low" : score < 60 ? "medium" : "high";
}

contracts::RiskAssessment assessRisk(const RiskInput& input) {
    contracts::RiskAssessment risk;
    const auto stats = diffStats(input.diffs);
    const int lines = stats.added + stats.removed;
    risk.terms.push_back({"changed lines", std::min(25, lines),
                          "+" + std::to_string(stats.added) + " -" + std::to_string(stats.removed) +
                              " (1 per line, at most 25)"});
    risk.terms.push_back({"files", std::min(15, 5 * std::max(0, stats.files - 1)),
                          std::to_string(stats.files) + " file" + (stats.files == 1 ? "" : "s") +
                              " (5 per file beyond the first, at most 15)"});
    std::set<std::string> layers;
    int layerPoints = 0;
    bool tests = false;
    for (const auto& d : input.diffs) {
        if (d.before == d.after)
            continue;
        const auto [layer, weight] = layerOf(d.path);
        if (layers.insert(layer).second)
            layerPoints += weight;
        tests = tests || isTestPath(d.path);
    }
    std::string names;
    for (const auto& l : layers)
        names += (names.empty() ? "" : ", ") + l;
    risk.terms.push_back({"layers", std::min(30, layerPoints),
                          names + " (logic 10, services/adapters/entrypoints 15, "
                                  "contracts/ports/CMake 20, other 10; at most 30)"});
    risk.terms.push_back(
        {"tests changed", tests ? 10 : 0, tests ? "a test file changes" : "no test file changes"});
    const bool chat = input.agent == contracts::AgentKind::Chat;
    risk.terms.push_back(
        {"agent", chat ? 15 : 0, chat ? "written by a chat model" : "re-applied by the playbook"});
    risk.terms.push_back({"past outcome", input.reusesLandedFix ? 0 : 10,
                          input.reusesLandedFix ? "re-applies a fix that landed before"
                                                : "no fix of this kind landed before"});
    for (const auto& t : risk.terms)
        risk.score += t.points;
    risk.score = std::min(100, risk.score);
    risk.band = riskBand(risk.score);
    return risk;
}

} // namespace devos::logic
