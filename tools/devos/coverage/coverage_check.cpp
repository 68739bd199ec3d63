#include "coverage/coverage_check.hpp"

#include <algorithm>
#include <cstdio>
#include <devos/engine/allowed_findings.hpp>
#include <devos/engine/repo_paths.hpp>

namespace devos::coverage {

std::string describeCoverage(double percent, unsigned long covered, unsigned long total) {
    char text[96];
    std::snprintf(text, sizeof text, "%.1f%% (%lu of %lu lines)", percent, covered, total);
    return text;
}

std::vector<engine::Finding> checkCoverage(const CoverageSummary& summary, const Thresholds& thresholds,
                                           const engine::Policy& policy, const std::string& root) {
    // Tier 2 promises 90%+ (seed §8) even when the config names no threshold.
    const std::optional<double> threshold =
        thresholds.coverage ? thresholds.coverage
                            : (policy.tier == 2 ? std::optional<double>(kTierTwoCoverage) : std::nullopt);
    if (!threshold || summary.percent() >= *threshold)
        return {};
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g%%", *threshold);
    auto built = policy.finding(
        "coverage.threshold", {engine::repoRelative(root, policy.configFile), thresholds.coverageLine, 0},
        "line coverage is " + describeCoverage(summary.percent(), summary.linesCovered, summary.linesTotal) +
            ", below the " + limit + " threshold",
        "coverage");
    if (!built)
        return {};
    engine::Finding& finding = *built;
    std::vector<const FileCoverage*> files;
    for (const auto& file : summary.files)
        if (file.linesCovered < file.linesTotal)
            files.push_back(&file);
    std::sort(files.begin(), files.end(), [](const FileCoverage* a, const FileCoverage* b) {
        const unsigned long missedA = a->linesTotal - a->linesCovered;
        const unsigned long missedB = b->linesTotal - b->linesCovered;
        return missedA != missedB ? missedA > missedB : a->file < b->file;
    });
    files.resize(std::min(files.size(), kLeastCoveredFiles));
    for (const FileCoverage* file : files)
        finding.notes.push_back({{file->file, 1, 0},
                                 std::to_string(file->linesTotal - file->linesCovered) +
                                     " lines no test runs: " +
                                     describeCoverage(file->percent(), file->linesCovered, file->linesTotal),
                                 false});
    std::vector<engine::Finding> findings{std::move(finding)};
    engine::applyAllowComments(findings, policy, root, engine::todayIso());
    return findings;
}

} // namespace devos::coverage
