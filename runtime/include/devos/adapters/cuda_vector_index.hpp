#pragma once
// Declared in every build, defined only when DEVOS_HAS_CUDA is set (nvcc and cuBLAS were found).
#include <cstddef>
#include <devos/contracts/vector_search.hpp>
#include <devos/ports/vector_index.hpp>
#include <memory>
#include <string>

namespace devos::adapters {

// Number of usable CUDA devices: 0 when the driver is missing, fails, or reports none.
[[nodiscard]] int cudaVectorDeviceCount();

// Device memory for one tile's fp32 scores (rows x queries): a single query scans up to 64M rows in
// one GEMM. Smaller budgets split the corpus into more tiles (the tests use one to cover that path).
inline constexpr std::size_t kCudaScoreBudgetBytes = std::size_t{256} << 20;

// An empty exact index on CUDA device 0: cuBLAS GEMM (fp16 or fp32 corpus, fp32 accumulation) over
// tiles of whole 4096-row chunks and GPU top-k per chunk; ErrorKind::Unavailable when no device can be used.
[[nodiscard]] std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeCudaVectorIndex(std::size_t dims, std::string model, contracts::VectorStorage storage,
                    std::size_t scoreBudgetBytes = kCudaScoreBudgetBytes);

// An exact index on CUDA device 0 holding a device copy of `rows` (already L2-normalised, in their own
// storage type; the host rows are read in place, never copied on the host); hit ids are row numbers.
[[nodiscard]] std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeCudaVectorIndex(const contracts::VectorRows& rows, std::size_t scoreBudgetBytes = kCudaScoreBudgetBytes);

} // namespace devos::adapters
