#pragma once
#include <cstddef>
#include <devos/contracts/vector_search.hpp>
#include <devos/ports/failure_vector_cache.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <memory>
#include <string>

namespace devos::adapters {

// Layout of a vector file (all integers little-endian): a 4096-byte header, then one record per
// vector. The header: "DEVOSVEC", format 1, storage (1 fp16, 2 fp32), dims, record bytes, count, the
// store's failure-vector generation the file matches, the model's length and name, and an FNV-1a 64
// checksum of the header bytes before it. A record: owner kind (1 test, 2 lint), id length, the id
// (at most kVectorFileIdBytes bytes, zero-padded), then the L2-normalised row, padded to 32 bytes.
inline constexpr std::size_t kVectorFileHeaderBytes = 4096;
inline constexpr std::size_t kVectorFileIdBytes = 30;

// The file of `model`'s vectors in `dir`: `<model>.vectors`, with any character outside
// [A-Za-z0-9._-] replaced and the model's hash added when one was.
[[nodiscard]] std::string vectorFilePath(const std::string& dir, const std::string& model);

// A FailureVectorCache of one append-only, memory-mapped file per model in `dir` (created on first
// use), rows stored as `storage`. open() maps the file when its header is intact and its generation
// equals the store's, else rebuilds it from `store` into a new file renamed over the old (readers
// of the old one keep their mapping). appendCommitted() writes rows after the last counted one,
// syncs them, then rewrites the header, all under an exclusive lock (`<file>.lock`), and only when
// the store's generation is exactly the file's plus the new rows: a crash at any point leaves a
// file whose header counts only complete rows, or one that the next open() rebuilds.
[[nodiscard]] std::unique_ptr<ports::FailureVectorCache>
makeVectorFileCache(std::string dir, ports::TelemetryStore& store,
                    contracts::VectorStorage storage = contracts::VectorStorage::Fp16);

} // namespace devos::adapters
