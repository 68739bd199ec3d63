#include "report/report_inputs.hpp"

#include "check/baseline.hpp"
#include "gates/gate_report.hpp"
#include "gates/gate_result.hpp"
#include "report/report_aggregate.hpp"
#include "report/sarif_findings.hpp"
#include "scan/file_type.hpp"
#include "scan/repo_files.hpp"

#include <algorithm>
#include <devos/engine/allow_comment.hpp>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::report {
namespace {

std::string shown(const fs::path& path, const fs::path& buildDir) {
    const auto rel = path.lexically_relative(buildDir);
    return !rel.empty() && !rel.string().starts_with("..") ? rel.generic_string() : path.generic_string();
}

// The merged SARIF the newest gate run wrote: full.sarif or fast.sarif, whichever is newer.
std::optional<fs::path> newestSarif(const fs::path& gateDir) {
    std::optional<fs::path> best;
    fs::file_time_type bestTime{};
    for (const char* name : {"fast.sarif", "full.sarif"}) {
        std::error_code ec;
        const fs::path p = gateDir / name;
        const auto t = fs::last_write_time(p, ec);
        if (!ec && (!best || t >= bestTime)) {
            best = p;
            bestTime = t;
        }
    }
    return best;
}

// The devos-allow comments in the repo's first-party sources that allow their rules, by the gates' own
// resolver (well-formed, unexpired, within allow.max_days).
std::vector<FindingEntry> allowedFindings(const std::string& root, const engine::Policy& policy) {
    std::vector<FindingEntry> out;
    const std::string today = engine::todayIso();
    for (const auto& rel : scan::listRepoFiles(root, {}).files) {
        if (!scan::isCxxSource(rel) || !policy.layers.isFirstParty(rel))
            continue;
        auto text = foundation::readTextFile(root + "/" + rel);
        if (!text)
            continue;
        std::istringstream lines(*text);
        std::string line;
        unsigned number = 0;
        while (std::getline(lines, line)) {
            ++number;
            auto allow = engine::parseAllowComment(line);
            if (!allow)
                continue;
            for (const auto& rule : allow->rules) {
                if (engine::judgeAllowComment(*allow, rule, today, policy.allowMaxDays).outcome !=
                    engine::AllowVerdict::Outcome::Allowed)
                    continue;
                FindingEntry f;
                f.rule = rule;
                f.level = engine::levelName(policy.levelOf(rule));
                f.file = rel;
                f.line = number;
                f.message = allow->reason;
                f.state = FindingState::Allowed;
                f.expires = allow->until;
                out.push_back(std::move(f));
            }
        }
    }
    return out;
}

} // namespace

std::string repoRootOf(const BuildInputs& inputs) {
    if (inputs.root)
        return *inputs.root;
    if (auto cache = foundation::readTextFile((fs::path(inputs.buildDir) / "CMakeCache.txt").string())) {
        const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
        if (auto at = cache->find(key); at != std::string::npos) {
            const auto start = at + key.size();
            return cache->substr(start, cache->find('\n', start) - start);
        }
    }
    const std::string found = engine::findRepoRoot(fs::current_path().string());
    return found.empty() ? fs::current_path().string() : found;
}

foundation::Expected<ReportData> readBuildInputs(const BuildInputs& inputs) {
    const fs::path build(inputs.buildDir);
    std::error_code ec;
    if (!fs::is_directory(build, ec))
        return foundation::fail(foundation::ErrorKind::NotFound, "the build folder does not exist",
                                inputs.buildDir, 0,
                                "pass the build folder with -p (the one `cmake -S . -B <build>` made)");
    const fs::path gateDir = build / "devos";
    ReportData data;
    data.title = "DevOS report";

    std::vector<gates::GateResult> results;
    std::vector<fs::path> resultFiles(inputs.results.begin(), inputs.results.end());
    if (resultFiles.empty())
        resultFiles = gates::gateResultFiles(gateDir);
    for (const auto& file : resultFiles) {
        auto json = foundation::readJsonFile(file.string(), "the gate result",
                                             "delete it and rebuild check-fast or check-full");
        if (!json)
            return std::unexpected(json.error());
        if (!json->is_object() || !json->contains("name") || !json->contains("status"))
            continue; // another JSON file of the build (dependencies.json, an SBOM)
        auto result = gates::readGateResult(file.string());
        if (!result)
            return std::unexpected(result.error());
        results.push_back(std::move(*result));
        data.inputs.push_back(shown(file, build));
    }
    for (const auto& row : gates::foldResults(results)) {
        std::string note;
        for (const auto& part : row.parts)
            if (part.status == row.status && !part.note.empty()) {
                note = part.note;
                break;
            }
        data.gates.push_back(
            {row.name, std::string(gates::statusName(row.status)), row.findings, row.seconds, note});
    }

    const auto sarif = inputs.sarif ? std::optional<fs::path>(*inputs.sarif) : newestSarif(gateDir);
    if (!sarif)
        return foundation::fail(foundation::ErrorKind::NotFound,
                                results.empty()
                                    ? "no gate results and no merged SARIF (fast.sarif, full.sarif) here"
                                    : "no merged SARIF (fast.sarif, full.sarif) here",
                                gateDir.string(), 0,
                                "build check-fast or check-full first (cmake --build " + inputs.buildDir +
                                    " --target check-fast), or pass a SARIF log with --sarif");
    auto log = foundation::readJsonFile(
        sarif->string(), "the SARIF log",
        "rebuild check-fast or check-full to rewrite it, or pass another with --sarif");
    if (!log)
        return std::unexpected(log.error());
    auto content = readSarif(*log, sarif->string());
    if (!content)
        return std::unexpected(content.error());
    data.inputs.push_back(shown(*sarif, build));
    data.findings = std::move(content->findings);
    data.rules = std::move(content->rules);

    const std::string root = repoRootOf(inputs);
    auto policy = engine::Policy::forRepo(root);
    if (!policy)
        return std::unexpected(policy.error());
    for (const auto& layer : policy->layers.layers())
        data.layers.push_back({layer.name, layer.mayInclude});
    const std::string baselineFile = check::baselinePath(root, std::nullopt);
    if (fs::exists(baselineFile, ec)) {
        auto baseline = check::Baseline::load(baselineFile);
        if (!baseline)
            return std::unexpected(baseline.error());
        for (const auto& e : baseline->entries()) {
            FindingEntry f;
            f.rule = e.rule;
            f.level = engine::levelName(policy->levelOf(e.rule));
            f.file = e.file;
            f.message = e.message;
            f.fingerprint = e.fingerprint;
            f.state = FindingState::Baselined;
            data.findings.push_back(std::move(f));
        }
        data.inputs.push_back(".devos/baseline.json");
    }
    auto allowed = allowedFindings(root, *policy);
    data.findings.insert(data.findings.end(), allowed.begin(), allowed.end());
    sortFindings(data.findings);
    std::set<std::string> described;
    for (const auto& r : data.rules)
        described.insert(r.id);
    for (const auto& f : data.findings)
        if (const engine::Rule* rule = policy->catalog.find(f.rule);
            rule != nullptr && described.insert(f.rule).second)
            data.rules.push_back({rule->id, rule->summary, rule->why, rule->instead, rule->allowed});
    std::sort(data.rules.begin(), data.rules.end(),
              [](const RuleText& a, const RuleText& b) { return a.id < b.id; });
    data.edges = layerEdges(data.layers, data.findings);
    return data;
}

} // namespace devos::report
