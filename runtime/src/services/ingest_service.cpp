#include <algorithm>
#include <devos/foundation/text.hpp>
#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/ingest_key.hpp>
#include <devos/logic/pattern_id.hpp>
#include <devos/services/ingest_service.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace devos::services {

namespace {

// What one stored failure's message and stack trace may hold; a longer one is cut (a 100 MB trace
// would slow every search and bloat the store), with a marker that says so.
constexpr std::size_t kMaxMessageBytes = 16 * 1024;
constexpr std::size_t kMaxStackTraceBytes = 64 * 1024;
constexpr std::string_view kCutMarker = "\n[... cut by devos ingest]";

// Every text of the report as valid UTF-8 (invalid bytes become U+FFFD), so that SQLite and
// PostgreSQL store the same text and every JSON output of it can be written; messages and traces capped.
void normalizeText(contracts::IngestBatch& batch) {
    auto text = [](std::string& s, std::size_t cap = std::string::npos) {
        s = foundation::validUtf8(s);
        if (s.size() > cap)
            s = foundation::truncateUtf8(s, cap, kCutMarker);
    };
    text(batch.run.tool);
    for (auto& f : batch.testFailures) {
        text(f.suite);
        text(f.testName);
        text(f.file);
        text(f.message, kMaxMessageBytes);
        text(f.stackTrace, kMaxStackTraceBytes);
    }
    for (auto& f : batch.lintFailures) {
        text(f.tool);
        text(f.ruleId);
        text(f.level);
        text(f.file);
        text(f.message, kMaxMessageBytes);
    }
    for (auto& t : batch.passedTests) {
        text(t.suite);
        text(t.testName);
    }
}

} // namespace

contracts::Expected<IngestSummary> IngestService::ingest(const ports::ReportReader& reader,
                                                         const std::string& path,
                                                         const contracts::RunMetadata& metadata) {
    auto parsed = reader.read(path);
    if (!parsed)
        return std::unexpected(parsed.error());
    contracts::IngestBatch batch = std::move(*parsed);
    normalizeText(batch);
    auto& run = batch.run;
    run.runId = ids_.next();
    run.startedAt = ids_.now() - run.durationMs;
    run.source = metadata.source;
    run.repository = metadata.repository;
    run.branch = metadata.branch;
    run.commitSha = metadata.commitSha;
    run.ciProvider = metadata.ciProvider;
    run.ciJobId = metadata.ciJobId;
    for (auto& f : batch.testFailures) {
        f.id = ids_.next();
        f.runId = run.runId;
        f.ts = ids_.now();
        f.message = redactor_.redact(f.message);
        f.stackTrace = redactor_.redact(f.stackTrace);
        std::vector<std::string> files;
        if (!f.file.empty())
            files.push_back(f.file);
        f.patternId = logic::computePatternId(f.message, f.stackTrace, files);
    }
    for (auto& f : batch.lintFailures) {
        f.id = ids_.next();
        f.runId = run.runId;
        f.ts = ids_.now();
        f.message = redactor_.redact(f.message);
        std::vector<std::string> files;
        if (!f.file.empty())
            files.push_back(f.file);
        f.patternId = logic::computePatternId(f.ruleId + ": " + f.message, "", files);
    }
    // Computed after redaction, so no secret is hashed; a run stored by an earlier try is the answer.
    run.ingestKey = logic::ingestKey(batch, metadata);
    auto stored = storedSummary(run.ingestKey);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored)
        return std::move(**stored);
    // One embedder call for every failure: the test failures' texts, then the lint failures'.
    std::vector<std::string> texts;
    std::vector<std::pair<std::string_view, std::string>> owners; // (owner kind, failure id) per text
    for (const auto& f : batch.testFailures) {
        texts.push_back(logic::incidentText(f));
        owners.emplace_back(contracts::kTestFailureOwner, f.id);
    }
    for (const auto& f : batch.lintFailures) {
        texts.push_back(logic::incidentText(f));
        owners.emplace_back(contracts::kLintFailureOwner, f.id);
    }
    auto vectors = embedder_.embed(texts);
    if (!vectors)
        return std::unexpected(std::move(vectors.error()));
    if (vectors->size() != texts.size())
        return contracts::fail(contracts::ErrorKind::Unavailable,
                               "the embedder returned " + std::to_string(vectors->size()) + " vectors for " +
                                   std::to_string(texts.size()) + " failures; nothing was stored",
                               path, 0, "check the embedding server (DEVOS_EMBEDDINGS_URL) and retry");
    // The store counts each vector's rarity terms, which queries of the model are weighed by.
    const bool rarity = logic::weighsByRarity(embedder_.model());
    for (std::size_t i = 0; i < vectors->size(); ++i) {
        auto& vector = (*vectors)[i];
        batch.embeddings.push_back({std::string(owners[i].first), owners[i].second, std::move(vector.model),
                                    std::move(vector.values),
                                    rarity ? logic::rarityTerms(texts[i]) : std::vector<std::string>{}});
    }
    if (auto written = store_.ingest(batch); !written) {
        // Another ingest of the same report may have stored it first (the key is unique).
        if (auto earlier = storedSummary(run.ingestKey); earlier && *earlier)
            return std::move(**earlier);
        return std::unexpected(written.error());
    }
    IngestSummary summary{std::move(batch.run),
                          std::move(batch.testFailures),
                          std::move(batch.lintFailures),
                          embedder_.model(),
                          {},
                          {},
                          {}};
    if (vectors_)
        if (auto appended = vectors_->appendCommitted(batch.embeddings); !appended)
            summary.vectorFileError = appended.error().render();
    if (learner_) {
        auto learned = learner_->learn(summary.run, batch.passedTests);
        if (learned)
            summary.learnedFixes = std::move(*learned);
        else
            summary.learningError = learned.error().render();
    }
    return summary;
}

contracts::Expected<std::optional<IngestSummary>> IngestService::storedSummary(const std::string& ingestKey) {
    auto run = store_.findRunByIngestKey(ingestKey);
    if (!run)
        return std::unexpected(run.error());
    if (!*run)
        return std::optional<IngestSummary>{};
    contracts::FailureQuery query;
    query.runId = (*run)->runId;
    query.limit = std::max((*run)->failed, 1) * 4 + 100; // every failure of the run
    auto failures = store_.queryFailures(query);
    if (!failures)
        return std::unexpected(failures.error());
    std::reverse(failures->begin(), failures->end()); // oldest (report order) first
    auto lint = store_.lintFailures((*run)->runId);
    if (!lint)
        return std::unexpected(lint.error());
    IngestSummary summary{
        std::move(**run), std::move(*failures), std::move(*lint), embedder_.model(), {}, {}, {}};
    summary.alreadyStored = true;
    return std::optional{std::move(summary)};
}

} // namespace devos::services
