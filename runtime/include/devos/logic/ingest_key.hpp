#pragma once
#include <devos/contracts/ingest_batch.hpp>
#include <devos/contracts/run_metadata.hpp>
#include <string>

namespace devos::logic {

// The identity of one ingest: the SHA-256 (64 hex characters) of what the report says (the run's
// tool, counts and duration, every failure and passed test, in order) and of where it came from
// (source, repository, branch, commit, CI provider and job). Ids, timestamps and the vectors are not
// part of it, so a retry of the same report in the same place has the same key, and the same report
// at another commit or in another CI job has another one.
[[nodiscard]] std::string ingestKey(const contracts::IngestBatch& batch,
                                    const contracts::RunMetadata& metadata);

} // namespace devos::logic
