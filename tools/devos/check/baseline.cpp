#include "check/baseline.hpp"

#include <algorithm>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <nlohmann/json.hpp>
#include <tuple>

namespace devos::check {
namespace {

bool counts(const engine::Finding& f) {
    return f.level == engine::Level::Error || f.level == engine::Level::Warning;
}

} // namespace

foundation::Expected<Baseline> Baseline::load(const std::string& path) {
    auto json = foundation::readJsonFile(
        path, "the baseline",
        "restore it from version control, or recreate it with `devos baseline create --force`");
    if (!json && json.error().kind == foundation::ErrorKind::NotFound)
        return foundation::fail(
            foundation::ErrorKind::NotFound, "the baseline file does not exist", path, 0,
            "create it once, locally, with `devos baseline create -p <build-dir>` and commit it");
    if (!json)
        return std::unexpected(json.error());
    Baseline baseline;
    try {
        if (json->value("version", 0) != 1)
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "unsupported baseline version (expected \"version\": 1)", path, 1);
        for (const auto& e : json->at("entries"))
            baseline.entries_.push_back({e.at("fingerprint"), e.value("rule", ""), e.value("file", ""),
                                         e.value("subject", ""), e.value("message", "")});
    } catch (const nlohmann::json::exception& e) {
        return foundation::fail(
            foundation::ErrorKind::Invalid, std::string("the baseline has an unexpected shape: ") + e.what(),
            path, 0, "each entry needs a \"fingerprint\"; recreate it with `devos baseline create --force`");
    }
    return baseline;
}

Baseline Baseline::fromFindings(const std::vector<engine::Finding>& findings) {
    Baseline baseline;
    for (const auto& f : findings)
        if (counts(f))
            baseline.entries_.push_back(
                {output::stableFingerprint(f), f.ruleId, f.at.file, f.subject, f.message});
    std::sort(baseline.entries_.begin(), baseline.entries_.end(), [](const auto& a, const auto& b) {
        return std::tie(a.file, a.rule, a.subject, a.message) <
               std::tie(b.file, b.rule, b.subject, b.message);
    });
    return baseline;
}

foundation::Expected<void> Baseline::save(const std::string& path) const {
    // One entry per line, so reviews show each accepted finding and stale entries have a line.
    std::string text = "{\n  \"version\": 1,\n  \"entries\": [\n";
    for (size_t i = 0; i < entries_.size(); ++i) {
        const auto& e = entries_[i];
        nlohmann::json j{{"fingerprint", e.fingerprint},
                         {"rule", e.rule},
                         {"file", e.file},
                         {"subject", e.subject},
                         {"message", e.message}};
        text += "    " + j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                (i + 1 < entries_.size() ? ",\n" : "\n");
    }
    text += "  ]\n}\n";
    return foundation::writeFileAtomically(
        path, text, {.folders = foundation::MissingFolders::Create, .what = "the baseline"});
}

std::vector<engine::Finding> Baseline::apply(std::vector<engine::Finding>& findings, const std::string& path,
                                             const engine::Policy& policy) const {
    std::vector<bool> used(entries_.size(), false);
    for (auto& f : findings) {
        if (!counts(f))
            continue;
        std::string fp = output::stableFingerprint(f);
        for (size_t i = 0; i < entries_.size(); ++i) {
            if (!used[i] && entries_[i].fingerprint == fp) {
                used[i] = true;
                f.baselined = true;
                break;
            }
        }
    }
    std::vector<engine::Finding> stale;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (used[i])
            continue;
        const auto& e = entries_[i];
        if (auto f = policy.finding("baseline.stale", {path, static_cast<unsigned>(4 + i), 5},
                                    "baseline entry for " + e.rule + " in " + e.file + " ('" + e.subject +
                                        "') matches no finding: it was fixed, so drop it",
                                    e.fingerprint))
            stale.push_back(std::move(*f));
    }
    return stale;
}

size_t Baseline::dropFixed(const std::vector<engine::Finding>& findings) {
    std::vector<engine::Finding> copy = findings;
    std::vector<bool> keep(entries_.size(), false);
    for (const auto& f : copy) {
        if (!counts(f))
            continue;
        std::string fp = output::stableFingerprint(f);
        for (size_t i = 0; i < entries_.size(); ++i)
            if (!keep[i] && entries_[i].fingerprint == fp) {
                keep[i] = true;
                break;
            }
    }
    std::vector<BaselineEntry> kept;
    for (size_t i = 0; i < entries_.size(); ++i)
        if (keep[i])
            kept.push_back(entries_[i]);
    size_t dropped = entries_.size() - kept.size();
    entries_ = std::move(kept);
    return dropped;
}

std::string baselinePath(const std::string& root, const std::optional<std::string>& path) {
    return path.value_or((std::filesystem::path(root) / ".devos" / "baseline.json").string());
}

foundation::Expected<void> applyRepoBaseline(std::vector<engine::Finding>& findings,
                                             const engine::Policy& policy, const std::string& root,
                                             const std::optional<std::string>& path) {
    const std::string file = baselinePath(root, path);
    std::error_code ec;
    if (!path && !std::filesystem::exists(file, ec))
        return {};
    auto baseline = Baseline::load(file);
    if (!baseline)
        return std::unexpected(baseline.error());
    const std::string rel = engine::repoRelative(root, file);
    auto stale = baseline->apply(findings, engine::isInsideRepo(rel) ? rel : file, policy);
    findings.insert(findings.end(), stale.begin(), stale.end());
    engine::sortAndDeduplicate(findings);
    return {};
}

} // namespace devos::check
