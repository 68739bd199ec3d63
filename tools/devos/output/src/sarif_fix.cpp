#include "sarif_parts.hpp"

#include <algorithm>

namespace devos::output::sarif {
namespace {

// The exact range a fix-it replaces; start == end is an insertion point.
Json deletedRegion(const engine::FixIt& fixIt) {
    return Json{{"startLine", std::max(fixIt.at.line, 1u)},
                {"startColumn", std::max(fixIt.at.column, 1u)},
                {"endLine", std::max(fixIt.end.line, 1u)},
                {"endColumn", std::max(fixIt.end.column, 1u)}};
}

} // namespace

Json fix(const std::vector<engine::FixIt>& fixIts, const std::string& description,
         const std::string& repoRoot) {
    Json changes = Json::array();
    std::vector<std::string> changedFiles; // parallel to `changes`: one artifactChange per file
    for (const auto& fixIt : fixIts) {
        auto at = std::find(changedFiles.begin(), changedFiles.end(), fixIt.at.file);
        if (at == changedFiles.end()) {
            changedFiles.push_back(fixIt.at.file);
            changes.push_back(Json{{"artifactLocation", artifactLocation(fixIt.at.file, repoRoot)},
                                   {"replacements", Json::array()}});
            at = changedFiles.end() - 1;
        }
        changes[static_cast<std::size_t>(at - changedFiles.begin())]["replacements"].push_back(Json{
            {"deletedRegion", deletedRegion(fixIt)}, {"insertedContent", {{"text", fixIt.replacement}}}});
    }
    return Json{{"description", {{"text", description}}}, {"artifactChanges", std::move(changes)}};
}

} // namespace devos::output::sarif
