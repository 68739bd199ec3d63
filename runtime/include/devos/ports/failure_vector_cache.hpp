#pragma once
#include <cstddef>
#include <cstdint>
#include <devos/contracts/error.hpp>
#include <devos/contracts/stored_embedding.hpp>
#include <devos/contracts/vector_search.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace devos::ports {

// The test and lint failure vectors of one model as of one store generation, read where they lie.
class FailureVectors {
public:
    virtual ~FailureVectors() = default;
    // The rows, L2-normalised; row r is the vector of owner(r).
    [[nodiscard]] virtual const contracts::VectorRows& rows() const = 0;
    // Whose vector row r (< rows().count) is.
    [[nodiscard]] virtual contracts::FailureVectorOwner owner(std::size_t row) const = 0;
    // The store's failureVectorGeneration these rows match.
    [[nodiscard]] virtual std::uint64_t generation() const = 0;
    // Where the rows live, for messages (a file path).
    [[nodiscard]] virtual const std::string& source() const = 0;
};

// Keeps the failure vectors of each model beside the store, in a form an index reads without copying.
// The store stays the source of truth: the cache is checked against its failureVectorGeneration.
class FailureVectorCache {
public:
    virtual ~FailureVectorCache() = default;
    // The failure vectors of `model` as the store holds them now: the cached ones when they match the
    // store's generation, else rebuilt from the store first.
    [[nodiscard]] virtual contracts::Expected<std::shared_ptr<const FailureVectors>>
    open(const std::string& model) = 0;
    // Adds failure vectors the store has just committed (call it after the commit; other owner kinds
    // are ignored). When the cache cannot show that they are exactly the store's newest changes it
    // leaves itself for open() to rebuild, which is not an error.
    [[nodiscard]] virtual contracts::Expected<void>
    appendCommitted(std::span<const contracts::StoredEmbedding> vectors) = 0;
};

} // namespace devos::ports
