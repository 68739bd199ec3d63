// devos ingest junit|sarif <file>: options -> ingest::ReportIngester -> the outcome printed (stored in
// telemetry redacted, with pattern ids, an embedding per failure, and run metadata from git and CI).
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/telemetry_options.hpp"
#include "ingest/ingest_report.hpp"

#include <cstdio>
#include <string>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "ingest",
    .usage = "usage: devos ingest junit <file> [--db <path>] [--format text|json]\n"
             "       devos ingest sarif <file> [--db <path>] [--format text|json]",
    .about = R"(Stores a test report (JUnit XML from `ctest --output-junit` or `--gtest_output=xml`) or gate
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
not stored again: the stored run is shown ("already stored", "already_stored": true in JSON).)",
    .options = telemetryOptions(),
    .notes =
        R"(Exit codes: 0 stored (or already stored), 1 the report is invalid or the store or embedder failed
(nothing was written), 2 usage or configuration error.)",
};

} // namespace

int runIngest(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    const auto& pos = args->positionals();
    std::string wrong;
    if (pos.empty() || (pos[0] != "junit" && pos[0] != "sarif"))
        wrong = pos.empty() ? "give the report's kind (junit or sarif) and its file"
                            : "unknown report kind '" + pos[0] + "' (accepted: junit, sarif)";
    else if (pos.size() != 2)
        wrong = "give one report file after '" + pos[0] + "'; got " + std::to_string(pos.size() - 1);
    if (!wrong.empty())
        return usageError("ingest", wrong + "\n  hint: see `devos ingest --help`");
    auto ingester = ingest::ReportIngester::open(currentRepoRoot(), args->value("--db"));
    if (!ingester)
        return stopOn("ingest", ingester.error(), Stage::Work);
    auto outcome = (*ingester)->ingest(pos[0], pos[1]);
    if (!outcome) { // whatever the kind: nothing was stored
        std::fprintf(stderr, "%s\n  nothing was stored\n", outcome.error().render().c_str());
        return kFindings;
    }
    for (const auto& warning : ingest::ingestWarnings(*outcome))
        std::fprintf(stderr, "devos ingest: warning: %s\n", warning.c_str());
    const std::string printed = *args->value("--format") == "json"
                                    ? ingest::ingestOutcomeJson(*outcome, pos[1])
                                              .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                                          "\n"
                                    : ingest::ingestOutcomeText(*outcome, pos[1]);
    std::fputs(printed.c_str(), stdout);
    return kSuccess;
}

} // namespace devos::cli
