#include "check/summary_link.hpp"

#include <devos/engine/allowed_findings.hpp>
#include <devos/engine/effect_summary.hpp>
#include <devos/engine/purity_linker.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::check {

foundation::Expected<SummaryLinkOutcome> linkSummaries(const SummaryLinkRequest& request) {
    std::vector<std::string> summaryFiles = request.summaryFiles;
    std::vector<std::string> missing;
    for (const auto& list : request.objectLists) {
        auto text = foundation::readTextFile(list);
        if (!text)
            return foundation::fail(text.error().kind, "cannot read the objects list", list);
        std::istringstream lines(*text);
        for (std::string object; std::getline(lines, object);) {
            if (object.empty())
                continue;
            std::string summary = object + ".devos.json";
            std::error_code ec;
            if (fs::exists(summary, ec))
                summaryFiles.push_back(summary);
            else if (object.ends_with(".cpp.o") || object.ends_with(".cc.o") || object.ends_with(".cxx.o"))
                missing.push_back(object + " (no effect summary: was it compiled with the DevOS plugin?)");
        }
    }
    std::string root =
        request.root.empty() ? engine::findRepoRoot(fs::current_path().string()) : request.root;
    if (std::error_code ec; !request.root.empty() && !fs::is_directory(root, ec))
        return foundation::fail(foundation::ErrorKind::NotFound, "--root is not a folder", root);
    auto policy = engine::Policy::forRepo(root, request.configFile);
    if (!policy)
        return std::unexpected(policy.error());
    std::vector<engine::EffectSummary> summaries;
    std::vector<engine::Finding> findings;
    for (const auto& file : summaryFiles) {
        auto text = foundation::readTextFile(file);
        if (!text)
            return foundation::fail(text.error().kind, "cannot read the effect summary", file);
        auto summary = engine::summaryFromJson(*text, file);
        if (!summary)
            return std::unexpected(summary.error());
        findings.insert(findings.end(), summary->findings.begin(), summary->findings.end());
        summaries.push_back(std::move(*summary));
    }
    auto linked = engine::PurityLinker(*policy).link(summaries);
    engine::applyAllowComments(linked, *policy, root, engine::todayIso());
    findings.insert(findings.end(), linked.begin(), linked.end());
    engine::sortAndDeduplicate(findings);
    return SummaryLinkOutcome{std::move(*policy), std::move(root), std::move(findings), std::move(missing),
                              static_cast<unsigned>(summaries.size())};
}

} // namespace devos::check
