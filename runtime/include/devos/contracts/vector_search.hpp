#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace devos::contracts {

// One search result: the caller's id of a stored vector and its cosine similarity to the query.
struct VectorHit {
    std::uint64_t id = 0;
    float score = 0.0F;

    friend bool operator==(const VectorHit&, const VectorHit&) = default;
};

// The one result order of every index: higher score first, and on equal scores the smaller id.
[[nodiscard]] constexpr bool rankedBefore(const VectorHit& a, const VectorHit& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
}

// How an index keeps its corpus: fp32, or fp16 (half the memory traffic; scores within ~1e-3).
enum class VectorStorage { Fp32, Fp16 };

// A read-only view of `count` L2-normalised vectors of one model that live elsewhere (a mapped file):
// row r starts r * strideBytes bytes after `data` and holds `dims` elements of `storage`'s type.
struct VectorRows {
    std::string model;
    std::size_t dims = 0;
    std::size_t count = 0;
    VectorStorage storage = VectorStorage::Fp32;
    const std::byte* data = nullptr;
    std::size_t strideBytes = 0;
};

// Which device a new index should use: Auto picks CUDA when a GPU is usable, else the CPU.
enum class VectorBackend { Auto, Cpu, Cuda };

} // namespace devos::contracts
