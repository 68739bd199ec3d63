#pragma once
#include <cstddef>
#include <cstdint>
#include <devos/contracts/embedding.hpp>
#include <devos/contracts/vector_search.hpp>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::ports {

// Exact top-k cosine search over the vectors of one model and one dimension.
class VectorIndex {
public:
    using Hits = std::vector<std::vector<contracts::VectorHit>>;

    virtual ~VectorIndex() = default;

    // Stores vectors.count() vectors under ids (one id per row; L2-normalised on the way in);
    // rejects vectors of another model or dimension, and zero vectors, storing none of the batch.
    [[nodiscard]] virtual std::expected<void, contracts::Error>
    add(std::span<const std::uint64_t> ids, const contracts::EmbeddingMatrix& vectors) = 0;
    // For each query row, up to k hits with cosine >= threshold, ordered by contracts::rankedBefore.
    [[nodiscard]] virtual std::expected<Hits, contracts::Error>
    search(const contracts::EmbeddingMatrix& queries, std::size_t k, float threshold) const = 0;
    // Number of stored vectors.
    [[nodiscard]] virtual std::size_t size() const = 0;
    // Length of every stored vector.
    [[nodiscard]] virtual std::size_t dims() const = 0;
    // The one model whose vectors this index accepts.
    [[nodiscard]] virtual const std::string& model() const = 0;
    // Which implementation runs the search, e.g. "cpu-fp32-avx2" or "cuda-fp16", for logs and benchmarks.
    [[nodiscard]] virtual std::string_view backend() const = 0;
};

} // namespace devos::ports
