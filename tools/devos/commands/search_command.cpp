// devos search "<text>" | --failure <id> | --reindex: options -> search::searchIncidents or
// search::reindexIncidents -> the outcome printed (search/search_output.hpp).
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/telemetry_options.hpp"
#include "search/incident_search_use_case.hpp"
#include "search/search_output.hpp"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "search",
    .usage = R"(usage: devos search "<text>" [-k 10] [--threshold <cosine>] [--db <path>] [--format text|json]
       devos search --failure <id> [-k 10] [--threshold <cosine>] [--db <path>] [--format text|json]
       devos search --reindex [--db <path>] [--format text|json])",
    .about =
        R"(Lists the past failures most similar to the text (an error message, a stack frame, a lint message)
or to a stored failure (its id as `devos ingest` prints it): test failures from `devos ingest junit`
and lint failures from `devos ingest sarif`, each marked `test` or `lint`, with cosine scores, the
test (or the rule and file:line), pattern id, run, branch and commit. Exact search over every failure
embedded with the configured embedder's model (the built-in hashing embedder, or DEVOS_EMBEDDINGS_URL
+ DEVOS_EMBEDDINGS_MODEL); vectors of other models are never compared. The store is the one
`devos ingest` uses (--db, DEVOS_DATABASE_URL, or .devos/telemetry.db under the repo root).
--threshold defaults to the model's calibrated value for a text: 0.40 for the built-in
devos-hash-v3-1024, 0.7 for a configured embedder (BGE-class sentence models); 0.7 with --failure.

Failures stored without a vector of the configured model (a store filled by an earlier embedder, such
as devos-hash-v1-1024) are embedded in batches of 256, one store transaction each: automatically,
with a note on stderr, the first time a search with the built-in hashing embedder finds some; with a
configured embedder only by --reindex, which embeds them all, brings the vector file up to date and
prints the counts. An interrupted --reindex keeps its stored batches and a rerun goes on from there;
vectors of other models are kept.)",
    .options = concat({value("--failure", "ID", "search for the failures most similar to this stored one"),
                       number("-k", "N", 1, 1000000, "how many results at most (default 10)", "10"),
                       value("--threshold", "COSINE", "the least similarity shown, from -1 to 1"),
                       flag("--reindex", "embed the stored failures without a vector of the model")},
                      telemetryOptions()),
    .notes = R"(Exit codes: 0 results or no similar incidents, 1 the store or embedder failed, 2 usage or
configuration error (including an unknown failure id).)",
};

} // namespace

int runSearch(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    services::IncidentQuery query;
    query.failureId = args->value("--failure");
    query.k = static_cast<std::size_t>(*args->number("-k"));
    const std::string format = *args->value("--format");
    const auto& pos = args->positionals();
    const bool reindex = args->has("--reindex");
    const bool oneQuery = query.failureId ? pos.empty() : pos.size() == 1 && !pos[0].empty();
    // Each usage error names the argument and what it accepts.
    std::string wrong;
    if (reindex && (query.failureId || !pos.empty() || args->has("-k") || args->has("--threshold")))
        wrong = "--reindex takes no query, --failure, -k or --threshold";
    else if (!oneQuery && !reindex)
        wrong = query.failureId ? "give either a query text or --failure <id>, not both"
                                : "give one query text (quote it) or --failure <id>; got " +
                                      std::to_string(pos.size()) + " arguments";
    else if (const auto threshold = args->value("--threshold"); threshold) {
        float value = 0;
        const auto* end = threshold->data() + threshold->size();
        const auto [ptr, ec] = std::from_chars(threshold->data(), end, value);
        if (ec != std::errc() || ptr != end || !(value >= -1.0F && value <= 1.0F))
            wrong = "--threshold must be a cosine similarity from -1 to 1; got '" + *threshold + "'";
        query.threshold = value;
    }
    if (!wrong.empty())
        return usageError("search", wrong + "\n  hint: see `devos search --help`");
    if (!query.failureId && !reindex)
        query.text = pos[0];

    const std::string repoRoot = currentRepoRoot();
    const auto dump = [](const nlohmann::json& out) {
        return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    if (reindex) {
        auto outcome = search::reindexIncidents(repoRoot, args->value("--db"));
        if (!outcome)
            return stopOn("search", outcome.error(), Stage::Work);
        if (!outcome->summary.vectorFileError.empty())
            std::fprintf(stderr, "devos search: warning: the vector file is rebuilt on the next search: %s\n",
                         outcome->summary.vectorFileError.c_str());
        const std::string printed =
            format == "json" ? dump(search::reindexJson(*outcome)) + "\n" : search::reindexText(*outcome);
        std::fputs(printed.c_str(), stdout);
        return kSuccess;
    }
    auto outcome = search::searchIncidents({repoRoot, args->value("--db"), query});
    if (!outcome)
        return stopOn("search", outcome.error(), Stage::Work);
    for (const auto& note : search::searchNotes(*outcome))
        std::fprintf(stderr, "devos search: %s\n", note.c_str());
    const std::string printed =
        format == "json" ? dump(search::searchJson(*outcome)) + "\n" : search::searchText(*outcome);
    std::fputs(printed.c_str(), stdout);
    return kSuccess;
}

} // namespace devos::cli
