// devos search "<text>" | --failure <id>: the most similar past test and lint failures, by exact cosine
// search over the stored embeddings of the configured embedder's model (CUDA when usable, else the CPU).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "scan/repo_secret_rules.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <devos/services/incident_search.hpp>
#include <devos/services/vector_backfill.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

namespace devos::cli {
namespace {

const char* kHelp =
    R"(usage: devos search "<text>" [-k 10] [--threshold <cosine>] [--db <path>] [--format text|json]
       devos search --failure <id> [-k 10] [--threshold <cosine>] [--db <path>] [--format text|json]
       devos search --reindex [--db <path>] [--format text|json]

Lists the past failures most similar to the text (an error message, a stack frame, a lint message)
or to a stored failure (its id as `devos ingest` prints it): test failures from `devos ingest junit`
and lint failures from `devos ingest sarif`, each marked `test` or `lint`, with cosine scores, the
test (or the rule and file:line), pattern id, run, branch and commit. Exact search over every failure
embedded with the configured embedder's model (the built-in hashing embedder, or DEVOS_EMBEDDINGS_URL
+ DEVOS_EMBEDDINGS_MODEL); vectors of other models are never compared. The store is the one
`devos ingest` uses (--db, DEVOS_DATABASE_URL, or .devos/telemetry.db under the repo root).
--threshold defaults to the model's calibrated value for a text: 0.40 for the built-in
devos-hash-v2-1024, 0.7 for a configured embedder (BGE-class sentence models); 0.7 with --failure.

Failures stored without a vector of the configured model (a store filled by an earlier embedder, such
as devos-hash-v1-1024) are embedded in batches of 256, one store transaction each: automatically,
with a note on stderr, the first time a search with the built-in hashing embedder finds some; with a
configured embedder only by --reindex, which embeds them all, brings the vector file up to date and
prints the counts. An interrupted --reindex keeps its stored batches and a rerun goes on from there;
vectors of other models are kept.

Exit codes: 0 results or no similar incidents, 1 the store or embedder failed, 2 usage or
configuration error (including an unknown failure id).
)";

template <typename T> bool parseNumber(const std::string& text, T& out) {
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

// kind "test_failure": suite, test; kind "lint_failure": tool, rule, level, column.
nlohmann::json hitJson(const services::IncidentHit& h) {
    nlohmann::json hit = {
        {"score", h.score}, {"kind", h.kind()}, {"failure_id", h.failureId()}, {"pattern_id", h.patternId()}};
    if (const auto* t = std::get_if<contracts::TestFailure>(&h.failure))
        hit.update({{"suite", t->suite},
                    {"test", t->testName},
                    {"file", t->file},
                    {"line", t->line},
                    {"message", t->message},
                    {"run_id", t->runId}});
    else if (const auto* l = std::get_if<contracts::LintFailure>(&h.failure))
        hit.update({{"tool", l->tool},
                    {"rule", l->ruleId},
                    {"level", l->level},
                    {"file", l->file},
                    {"line", l->line},
                    {"column", l->column},
                    {"message", l->message},
                    {"run_id", l->runId}});
    if (h.run) {
        hit["branch"] = h.run->branch;
        hit["commit"] = h.run->commitSha;
    }
    return hit;
}

const char* orDash(const std::string& s) {
    return s.empty() ? "-" : s.c_str();
}

void printText(const services::IncidentSearchResult& r, double ms) {
    if (r.hits.empty())
        std::printf("no similar incidents (>= %.2f) among %zu failures of %s  (%.1f ms)\n", r.threshold,
                    r.searched, r.model.c_str(), ms);
    else
        std::printf("%zu similar incidents among %zu failures of %s on %s  (%.1f ms)\n", r.hits.size(),
                    r.searched, r.model.c_str(), r.backend.c_str(), ms);
    for (const auto& h : r.hits) {
        std::string what, runId, message;
        if (const auto* t = std::get_if<contracts::TestFailure>(&h.failure)) {
            what = "test  " + t->suite + "." + t->testName;
            runId = t->runId;
            message = t->message;
        } else if (const auto* l = std::get_if<contracts::LintFailure>(&h.failure)) {
            what = "lint  " + l->ruleId + "  " +
                   (l->file.empty() ? "-" : l->file + ":" + std::to_string(l->line));
            runId = l->runId;
            message = l->message;
        }
        std::printf("  %.3f  %s  pattern %.12s  failure %s\n", h.score, what.c_str(), h.patternId().c_str(),
                    h.failureId().c_str());
        std::printf("         run %s  branch %s  commit %.12s\n", runId.c_str(),
                    h.run ? orDash(h.run->branch) : "-", h.run ? orDash(h.run->commitSha) : "-");
        std::printf("         %s\n", message.substr(0, message.find('\n')).c_str());
    }
}

// devos search --reindex: embeds every stored failure without a vector of the model and prints counts.
int runReindex(services::VectorBackfill& backfill, const std::string& format) {
    const auto started = std::chrono::steady_clock::now();
    auto summary = backfill.run();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!summary) {
        std::fprintf(stderr,
                     "devos search: reindex stopped (the batches stored so far are kept; rerun to go "
                     "on): %s\n",
                     summary.error().render().c_str());
        return foundation::exitCodeOf(summary.error().kind);
    }
    if (!summary->vectorFileError.empty())
        std::fprintf(stderr, "devos search: warning: the vector file is rebuilt on the next search: %s\n",
                     summary->vectorFileError.c_str());
    if (format == "json") {
        const nlohmann::json out = {{"model", summary->model},
                                    {"embedded", summary->embedded},
                                    {"batches", summary->batches},
                                    {"elapsed_ms", ms}};
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        std::printf("embedded %zu stored failures with %s in %zu batches  (%.1f ms)\n", summary->embedded,
                    summary->model.c_str(), summary->batches, ms);
    }
    return kSuccess;
}

} // namespace

int runSearch(const std::vector<std::string>& argv) {
    Args args({"--failure", "-k", "--threshold", "--db", "--format"}, {"--help", "--reindex"},
              {{"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos search: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    services::IncidentQuery query;
    query.failureId = args.value("--failure");
    const std::string format = args.valueOr("--format", "text");
    const auto& pos = args.positionals();
    const bool reindex = args.has("--reindex");
    const bool oneQuery = query.failureId ? pos.empty() : pos.size() == 1 && !pos[0].empty();
    // Each usage error names the argument and what it accepts.
    std::string wrong;
    if (reindex && (query.failureId || !pos.empty() || args.has("-k") || args.has("--threshold")))
        wrong = "--reindex takes no query, --failure, -k or --threshold";
    else if (!oneQuery && !reindex)
        wrong = query.failureId ? "give either a query text or --failure <id>, not both"
                                : "give one query text (quote it) or --failure <id>; got " +
                                      std::to_string(pos.size()) + " arguments";
    else if (!parseNumber(args.valueOr("-k", "10"), query.k) || query.k == 0)
        wrong = "-k must be a whole number of results from 1 up; got '" + args.valueOr("-k", "") + "'";
    else if (const auto threshold = args.value("--threshold");
             threshold && (!parseNumber(*threshold, query.threshold.emplace()) ||
                           !(*query.threshold >= -1.0F && *query.threshold <= 1.0F)))
        wrong = "--threshold must be a cosine similarity from -1 to 1; got '" + *threshold + "'";
    else if (format != "text" && format != "json")
        wrong = "unknown format '" + format + "' (accepted: text, json)";
    if (!wrong.empty()) {
        std::fprintf(stderr, "devos search: %s\n  hint: see `devos search --help`\n", wrong.c_str());
        return kUsage;
    }
    if (!query.failureId && !reindex)
        query.text = pos[0];

    std::string repoRoot = engine::findRepoRoot(std::filesystem::current_path().string());
    if (repoRoot.empty())
        repoRoot = std::filesystem::current_path().string();
    auto store = entrypoints::openRepoTelemetryStore(args.value("--db"), repoRoot);
    auto settings = entrypoints::embedderSettingsFromEnvironment();
    auto gitleaksConfig = scan::repoGitleaksConfigPath(repoRoot);
    if (!gitleaksConfig) {
        std::fprintf(stderr, "devos search: %s\n", gitleaksConfig.error().render().c_str());
        return kUsage;
    }
    auto redactor = adapters::makeRe2Redactor(*gitleaksConfig);
    for (const contracts::Error* e :
         {store ? nullptr : &store.error(), settings ? nullptr : &settings.error(),
          redactor ? nullptr : &redactor.error()})
        if (e != nullptr) {
            std::fprintf(stderr, "devos search: %s\n", e->render().c_str());
            return foundation::exitCodeOf(e->kind);
        }
    const auto embedder = entrypoints::makeEmbedder(*settings);
    const entrypoints::VectorIndexes indexes;
    const auto vectors = entrypoints::openVectorCache(*store);
    services::VectorBackfill backfill(*store->store, *embedder, vectors.get());
    if (reindex)
        return runReindex(backfill, format);
    services::IncidentSearch search(*store->store, *embedder, indexes, **redactor, vectors.get(), &backfill);

    const auto started = std::chrono::steady_clock::now();
    auto result = search.search(query);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!result) {
        std::fprintf(stderr, "devos search: %s\n", result.error().render().c_str());
        return foundation::exitCodeOf(result.error().kind);
    }
    if (!result->backfillNote.empty())
        std::fprintf(stderr, "devos search: note: %s\n", result->backfillNote.c_str());
    if (!result->vectorFileNote.empty())
        std::fprintf(stderr, "devos search: warning: searched the store, not the vector file: %s\n",
                     result->vectorFileNote.c_str());
    if (format == "json") {
        nlohmann::json hits = nlohmann::json::array();
        for (const auto& h : result->hits)
            hits.push_back(hitJson(h));
        const nlohmann::json out = {{"model", result->model},          {"backend", result->backend},
                                    {"searched", result->searched},    {"k", query.k},
                                    {"threshold", result->threshold},  {"elapsed_ms", ms},
                                    {"vectors", result->vectorSource}, {"hits", hits}};
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        return kSuccess;
    }
    printText(*result, ms);
    return kSuccess;
}

} // namespace devos::cli
