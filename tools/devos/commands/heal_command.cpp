// devos heal fixes [--pattern P]: the fix memory, learned by `devos ingest junit` from history.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <devos/engine/repo_paths.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos heal fixes [--pattern <pattern-id>] [--db <path>] [--format text|json]

Lists the fix memory, newest first: every fix `devos ingest junit` learned from history (a test
that failed at a commit passes at a descendant commit; the fix is the first-party source diff
between the two) and every accepted self-heal proposal. --pattern keeps the fixes of one failure
pattern (the pattern id as ingest prints it). The store is the one `devos ingest` uses (--db,
DEVOS_DATABASE_URL, or .devos/telemetry.db under the repo root).

Exit codes: 0 listed (also when empty), 1 the store failed, 2 usage or configuration error.
)";

// What `devos heal fixes` was asked for.
struct FixListRequest {
    std::optional<std::string> pattern;
    std::optional<std::string> db;
    std::string format = "text";
};

int listFixes(const FixListRequest& request) {
    std::string repoRoot = engine::findRepoRoot(std::filesystem::current_path().string());
    if (repoRoot.empty())
        repoRoot = std::filesystem::current_path().string();
    const char* url = std::getenv("DEVOS_DATABASE_URL");
    auto store = entrypoints::openTelemetryStore(
        request.db, url != nullptr ? url : "",
        (std::filesystem::path(repoRoot) / ".devos" / "telemetry.db").string());
    if (!store) {
        std::fprintf(stderr, "devos heal fixes: %s\n", store.error().render().c_str());
        return store.error().kind == contracts::ErrorKind::Invalid ? kUsage : kFindings;
    }
    contracts::FixQuery query;
    query.patternId = request.pattern;
    query.limit = 1000;
    auto fixes = store->store->fixes(query);
    if (!fixes) {
        std::fprintf(stderr, "devos heal fixes: %s\n", fixes.error().render().c_str());
        return kFindings;
    }
    if (request.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& f : *fixes)
            list.push_back({{"id", f.id},
                            {"ts", f.ts},
                            {"source", contracts::fixSourceName(f.source)},
                            {"suite", f.suite},
                            {"test", f.testName},
                            {"pattern_id", f.patternId},
                            {"failure_id", f.failureId},
                            {"failing_run_id", f.failingRunId},
                            {"fixing_run_id", f.fixingRunId},
                            {"failing_commit", f.failingCommit},
                            {"fixing_commit", f.fixingCommit},
                            {"proposal_id", f.proposalId},
                            {"diff", f.diff},
                            {"diff_truncated", f.diffTruncated}});
        std::printf("%s\n", nlohmann::json{{"store", store->name}, {"fixes", list}}.dump(2).c_str());
        return kSuccess;
    }
    std::printf("%zu recorded fix%s in %s\n", fixes->size(), fixes->size() == 1 ? "" : "es",
                store->name.c_str());
    for (const auto& f : *fixes)
        std::printf("  %s  %s  pattern %.12s  failed at %.7s, fixed by %.7s  (%s%s)\n", f.id.c_str(),
                    f.testName.c_str(), f.patternId.c_str(), f.failingCommit.c_str(),
                    f.fixingCommit.empty() ? f.proposalId.c_str() : f.fixingCommit.c_str(),
                    contracts::fixSourceName(f.source), f.diffTruncated ? ", diff truncated" : "");
    return kSuccess;
}

} // namespace

int runHeal(const std::vector<std::string>& argv) {
    Args args({"--pattern", "--db", "--format"}, {"--help"}, {{"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos heal: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    FixListRequest request{args.value("--pattern"), args.value("--db"), args.valueOr("--format", "text")};
    const auto& pos = args.positionals();
    if (pos.size() != 1 || pos[0] != "fixes" || (request.format != "text" && request.format != "json")) {
        std::fputs(kHelp, stderr);
        return kUsage;
    }
    return listFixes(request);
}

} // namespace devos::cli
