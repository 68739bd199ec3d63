// devos ingest junit|sarif <file>: stores test results or gate findings in telemetry (redacted,
// with pattern ids, an embedding per test or lint failure, and run metadata from git and CI variables).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "ingest/ingest_report.hpp"

#include <cstdio>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <string>

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos ingest junit <file> [--db <path>] [--format text|json]
       devos ingest sarif <file> [--db <path>] [--format text|json]

Stores a test report (JUnit XML from `ctest --output-junit` or `--gtest_output=xml`) or gate
findings (SARIF) in telemetry: secrets redacted, a pattern id per failure, the run stamped with
git's HEAD and the CI job. The names of the tests that passed are kept: a test that passes at a
commit descending from the commit of an earlier stored failure of it records that failure's fix
(the first-party source diff between the two commits) for `devos heal`. Each test failure's message and top frames, and each lint failure's
rule and message, are embedded for `devos search`: by the built-in hashing embedder, or by the
OpenAI-compatible server at DEVOS_EMBEDDINGS_URL serving DEVOS_EMBEDDINGS_MODEL (key in
DEVOS_EMBEDDINGS_API_KEY). The store is .devos/telemetry.db under the repo root (SQLite), or the
file given with --db, or PostgreSQL when DEVOS_DATABASE_URL=postgresql://... is set.

The run, its failures and their vectors are stored in one transaction: an ingest that fails or is
interrupted stores nothing. A report already stored with the same git and CI metadata (a retry) is
not stored again: the stored run is shown ("already stored", "already_stored": true in JSON).

Exit codes: 0 stored (or already stored), 1 the report is invalid or the store or embedder failed
(nothing was written), 2 usage or configuration error.
)";

} // namespace

int runIngest(const std::vector<std::string>& argv) {
    Args args({"--db", "--format"}, {"--help"}, {{"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos ingest: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    std::string format = args.valueOr("--format", "text");
    const auto& pos = args.positionals();
    std::string wrong;
    if (pos.empty() || (pos[0] != "junit" && pos[0] != "sarif"))
        wrong = pos.empty() ? "give the report's kind (junit or sarif) and its file"
                            : "unknown report kind '" + pos[0] + "' (accepted: junit, sarif)";
    else if (pos.size() != 2)
        wrong = "give one report file after '" + pos[0] + "'; got " + std::to_string(pos.size() - 1);
    else if (format != "text" && format != "json")
        wrong = "unknown format '" + format + "' (accepted: text, json)";
    if (!wrong.empty()) {
        std::fprintf(stderr, "devos ingest: %s\n  hint: see `devos ingest --help`\n", wrong.c_str());
        return kUsage;
    }
    std::string repoRoot = engine::findRepoRoot(std::filesystem::current_path().string());
    if (repoRoot.empty())
        repoRoot = std::filesystem::current_path().string();
    auto ingester = ingest::ReportIngester::open(repoRoot, args.value("--db"));
    if (!ingester) {
        std::fprintf(stderr, "devos ingest: %s\n", ingester.error().render().c_str());
        return ingester.error().kind == contracts::ErrorKind::Invalid ? kUsage : kFindings;
    }
    auto outcome = (*ingester)->ingest(pos[0], pos[1]);
    if (!outcome) {
        std::fprintf(stderr, "%s\n  nothing was stored\n", outcome.error().render().c_str());
        return kFindings;
    }
    for (const auto& warning : ingest::ingestWarnings(*outcome))
        std::fprintf(stderr, "devos ingest: warning: %s\n", warning.c_str());
    const std::string printed = format == "json"
                                    ? ingest::ingestOutcomeJson(*outcome, pos[1])
                                              .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                                          "\n"
                                    : ingest::ingestOutcomeText(*outcome, pos[1]);
    std::fputs(printed.c_str(), stdout);
    return kSuccess;
}

} // namespace devos::cli
