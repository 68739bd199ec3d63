#include <devos/logic/incident_text.hpp>
#include <devos/logic/pattern_id.hpp>
#include <devos/services/ingest_service.hpp>
#include <string_view>
#include <utility>

namespace devos::services {

contracts::Expected<IngestSummary> IngestService::ingest(const ports::ReportReader& reader,
                                                         const std::string& path,
                                                         const contracts::RunMetadata& metadata) {
    auto parsed = reader.read(path);
    if (!parsed)
        return std::unexpected(parsed.error());
    contracts::IngestBatch batch = std::move(*parsed);
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
    if (auto stored = store_.ingest(batch); !stored)
        return std::unexpected(stored.error());
    std::vector<contracts::StoredEmbedding> stored;
    stored.reserve(vectors->size());
    for (std::size_t i = 0; i < vectors->size(); ++i) {
        auto& vector = (*vectors)[i];
        stored.push_back({std::string(owners[i].first), owners[i].second, std::move(vector.model),
                          std::move(vector.values)});
        if (auto put = store_.putEmbedding(stored.back()); !put)
            return std::unexpected(std::move(put.error()));
    }
    IngestSummary summary{std::move(batch.run),
                          std::move(batch.testFailures),
                          std::move(batch.lintFailures),
                          embedder_.model(),
                          {},
                          {},
                          {}};
    if (vectors_)
        if (auto appended = vectors_->appendCommitted(stored); !appended)
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

} // namespace devos::services
