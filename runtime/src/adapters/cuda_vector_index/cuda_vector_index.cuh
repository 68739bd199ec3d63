#pragma once
// Kernels of the CUDA index, declared in C++17 because nvcc cannot compile the C++23 headers.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <cuda_runtime_api.h>

namespace devos::adapters::cuda {

// A candidate is one 64-bit sort key, larger is better: the score's order-preserving bits above the
// complement of the row's rank in (id, row) order. Comparing keys is the CPU's total order — score
// desc, then smaller id, then smaller row — in one integer compare. 0 marks an empty slot (every
// finite score's key is larger).
using Key = std::uint64_t;
constexpr Key kNoKey = 0;
constexpr std::uint32_t kMaxRank = 0xfffffffeU; // an index holds fewer than 2^32 - 1 rows

// Scores per selection block: each block of a tile keeps its k best of this many rows.
constexpr std::size_t kChunkRows = 4096;

// The score a key was made from (host side; the kernels only compare keys).
inline float keyScore(Key key) {
    const auto ordered = static_cast<std::uint32_t>(key >> 32);
    const std::uint32_t bits = (ordered & 0x80000000U) != 0 ? ordered & 0x7fffffffU : ~ordered;
    float score = 0;
    std::memcpy(&score, &bits, sizeof score);
    return score;
}

// The (id, row) rank a key was made from.
inline std::uint32_t keyRank(Key key) { return 0xffffffffU - static_cast<std::uint32_t>(key); }

// For each of `queries` score columns (column q starts at scores + q * ldScores, `rows` long, row j being
// corpus row tileBegin + j with rank ranks[tileBegin + j]), writes the keys of the k best with
// score >= threshold of every kChunkRows chunk to out[q * outStride + (tileBegin / kChunkRows + chunk) * k + r],
// best first, padded with kNoKey.
cudaError_t launchTileSelect(const float* scores, std::size_t ldScores, std::size_t rows, std::size_t tileBegin,
                             std::size_t queries, const std::uint32_t* ranks, std::size_t k, float threshold,
                             Key* out, std::size_t outStride, cudaStream_t stream);

// Reduces each query's `perQuery` keys (at candidates + q * perQuery) to its k best, best first, into
// out[q * k + r], padded with kNoKey.
cudaError_t launchMergeSelect(const Key* candidates, std::size_t perQuery, std::size_t queries, std::size_t k,
                              Key* out, cudaStream_t stream);

} // namespace devos::adapters::cuda
