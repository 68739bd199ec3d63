#include <devos/logic/ingest_key.hpp>
#include <devos/logic/sha256.hpp>

namespace devos::logic {
namespace {

// Appends each field with its length first, so that no two field lists encode to the same bytes.
class KeyText {
public:
    KeyText& add(const std::string& field) {
        text_ += std::to_string(field.size());
        text_ += ':';
        text_ += field;
        return *this;
    }
    KeyText& add(long long number) { return add(std::to_string(number)); }
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

} // namespace

std::string ingestKey(const contracts::IngestBatch& batch, const contracts::RunMetadata& metadata) {
    KeyText key;
    key.add("devos-ingest-v1")
        .add(metadata.source == contracts::RunSource::Ci ? "ci" : "local")
        .add(metadata.repository)
        .add(metadata.branch)
        .add(metadata.commitSha)
        .add(metadata.ciProvider)
        .add(metadata.ciJobId);
    const auto& r = batch.run;
    key.add(r.tool).add(r.total).add(r.passed).add(r.failed).add(r.skipped).add(r.durationMs);
    key.add(static_cast<long long>(batch.testFailures.size()));
    for (const auto& f : batch.testFailures)
        key.add(f.suite)
            .add(f.testName)
            .add(f.file)
            .add(f.line)
            .add(f.message)
            .add(f.stackTrace)
            .add(f.durationMs);
    key.add(static_cast<long long>(batch.lintFailures.size()));
    for (const auto& f : batch.lintFailures)
        key.add(f.tool).add(f.ruleId).add(f.level).add(f.file).add(f.line).add(f.column).add(f.message);
    key.add(static_cast<long long>(batch.passedTests.size()));
    for (const auto& t : batch.passedTests)
        key.add(t.suite).add(t.testName);
    return sha256Hex(key.text());
}

} // namespace devos::logic
