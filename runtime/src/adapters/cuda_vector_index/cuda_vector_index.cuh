#pragma once
// Kernels of the CUDA index, declared in C++17 because nvcc cannot compile the C++23 headers.
#include <cstddef>
#include <cstdint>
#include <cuda_runtime_api.h>

namespace devos::adapters::cuda {

// A selected score and the corpus row it came from; row == kNoRow marks an empty slot.
struct Candidate {
    float score;
    std::uint32_t row;
};

constexpr std::uint32_t kNoRow = 0xffffffffU;
// Scores per selection block: each block of a tile keeps its k best of this many rows.
constexpr std::size_t kChunkRows = 4096;

// For each of `queries` score columns (column q starts at scores + q * ldScores, `rows` long, row j being
// corpus row tileBegin + j), writes the k best with score >= threshold of every kChunkRows chunk to
// out[q * outStride + (tileBegin / kChunkRows + chunk) * k + r], padded with kNoRow.
cudaError_t launchTileSelect(const float* scores, std::size_t ldScores, std::size_t rows,
                             std::size_t tileBegin, std::size_t queries, const std::uint64_t* ids,
                             std::size_t k, float threshold, Candidate* out, std::size_t outStride,
                             cudaStream_t stream);

// Reduces each query's `perQuery` candidates (at candidates + q * perQuery) to its k best, in result
// order (score desc, then smaller id, then smaller row), into out[q * k + r], padded with kNoRow.
cudaError_t launchMergeSelect(const Candidate* candidates, std::size_t perQuery, std::size_t queries,
                              const std::uint64_t* ids, std::size_t k, Candidate* out, cudaStream_t stream);

} // namespace devos::adapters::cuda
