#include <devos/engine/allow_comment.hpp>
#include <devos/engine/allowed_findings.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <map>
#include <sstream>

namespace devos::engine {

void applyAllowComments(std::vector<Finding>& findings, const Policy& policy, const std::string& root,
                        const std::string& today) {
    std::map<std::string, std::vector<std::string>> files;
    auto linesOf = [&](const std::string& file) -> const std::vector<std::string>& {
        auto it = files.find(file);
        if (it != files.end())
            return it->second;
        const std::filesystem::path path = std::filesystem::path(file).is_absolute()
                                               ? std::filesystem::path(file)
                                               : std::filesystem::path(root) / file;
        std::vector<std::string> lines;
        if (auto text = foundation::readTextFile(path.string())) {
            std::istringstream in(*text);
            for (std::string line; std::getline(in, line);)
                lines.push_back(std::move(line));
        }
        return files.emplace(file, std::move(lines)).first->second;
    };
    std::vector<Finding> kept;
    for (auto& f : findings) {
        if (f.at.line == 0 || f.at.file.empty() || f.ruleId.starts_with("allow.")) {
            kept.push_back(std::move(f));
            continue;
        }
        const std::vector<std::string>& lines = linesOf(f.at.file);
        auto lineAt = [&](unsigned n) { return n >= 1 && n <= lines.size() ? lines[n - 1] : std::string(); };
        AllowResolution r = resolveAllow(lineAt, f.at.line, f.ruleId, today, policy.allowMaxDays,
                                         commentMarkersOf(f.at.file));
        if (r.status == AllowResolution::Status::Allowed)
            continue;
        if (r.status != AllowResolution::Status::None)
            if (auto comment = policy.finding(r.findingRule, {f.at.file, r.line, r.column},
                                              std::move(r.message), std::move(r.subject)))
                kept.push_back(std::move(*comment));
        kept.push_back(std::move(f));
    }
    findings = std::move(kept);
    sortAndDeduplicate(findings);
}

} // namespace devos::engine
