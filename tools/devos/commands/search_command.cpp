// devos search "<text>" | --failure <id> | --reindex: options -> search::searchIncidents or
// search::reindexIncidents -> the outcome printed (search/search_output.hpp).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "search/incident_search_use_case.hpp"
#include "search/search_output.hpp"

#include <charconv>
#include <cstdio>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

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
    const auto dump = [](const nlohmann::json& out) {
        return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    if (reindex) {
        auto outcome = search::reindexIncidents(repoRoot, args.value("--db"));
        if (!outcome) {
            std::fprintf(stderr, "devos search: %s\n", outcome.error().render().c_str());
            return foundation::exitCodeOf(outcome.error().kind);
        }
        if (!outcome->summary.vectorFileError.empty())
            std::fprintf(stderr, "devos search: warning: the vector file is rebuilt on the next search: %s\n",
                         outcome->summary.vectorFileError.c_str());
        const std::string printed =
            format == "json" ? dump(search::reindexJson(*outcome)) + "\n" : search::reindexText(*outcome);
        std::fputs(printed.c_str(), stdout);
        return kSuccess;
    }
    auto outcome = search::searchIncidents({repoRoot, args.value("--db"), query});
    if (!outcome) {
        std::fprintf(stderr, "devos search: %s\n", outcome.error().render().c_str());
        return foundation::exitCodeOf(outcome.error().kind);
    }
    for (const auto& note : search::searchNotes(*outcome))
        std::fprintf(stderr, "devos search: %s\n", note.c_str());
    const std::string printed =
        format == "json" ? dump(search::searchJson(*outcome)) + "\n" : search::searchText(*outcome);
    std::fputs(printed.c_str(), stdout);
    return kSuccess;
}

} // namespace devos::cli
