#pragma once
#include <cstddef>
#include <devos/contracts/error.hpp>
#include <devos/ports/embedder.hpp>
#include <devos/ports/failure_vector_cache.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <string>

namespace devos::services {

// What a backfill did.
struct BackfillSummary {
    std::string model;
    std::size_t embedded = 0;    // vectors stored by this run
    std::size_t batches = 0;     // store transactions that stored them
    std::string vectorFileError; // why the vector file could not be brought up to date; empty when it was
};

// Embeds every stored test and lint failure that has no vector of the embedder's model (a store
// filled by an earlier embedder, such as devos-hash-v1-1024), `batchSize` failures per embedder call
// and per store transaction, so an interrupted run keeps the batches it stored and the next run goes
// on from there. Vectors of other models are left as they are. Afterwards the vector file, when there
// is one, is brought up to date (rebuilt from the store).
class VectorBackfill {
public:
    VectorBackfill(ports::TelemetryStore& store, const ports::Embedder& embedder,
                   ports::FailureVectorCache* vectors, std::size_t batchSize = 256)
        : store_(store), embedder_(embedder), vectors_(vectors), batchSize_(batchSize == 0 ? 1 : batchSize) {}

    // Embeds and stores the missing vectors; fails at the first store or embedder error, keeping the
    // batches already stored.
    [[nodiscard]] contracts::Expected<BackfillSummary> run();
    // How many stored failures have no vector of the embedder's model (walks the failures).
    [[nodiscard]] contracts::Expected<std::size_t> missing();

private:
    ports::TelemetryStore& store_;
    const ports::Embedder& embedder_;
    ports::FailureVectorCache* vectors_;
    std::size_t batchSize_;
};

} // namespace devos::services
