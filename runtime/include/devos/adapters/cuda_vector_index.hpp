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

// An empty exact index on CUDA device 0: cuBLAS GEMM (fp16 or fp32 corpus, fp32 accumulation) over
// 65536-row tiles and GPU top-k per tile; ErrorKind::Unavailable when no device can be used.
[[nodiscard]] std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeCudaVectorIndex(std::size_t dims, std::string model, contracts::VectorStorage storage);

} // namespace devos::adapters
