#pragma once
// The boundary between DevOS::runtime and the CUDA index module (libdevos_cuda_index.so), which the
// runtime opens with dlopen only when a GPU may be present, so that a process that never searches on
// a GPU never loads cuBLAS (about 90 ms and 200 MB at start-up otherwise). Both sides are built from
// this tree with the same compiler and standard library, so the table passes C++ types.
#include <cstddef>
#include <devos/contracts/error.hpp>
#include <devos/contracts/vector_search.hpp>
#include <devos/ports/vector_index.hpp>
#include <expected>
#include <memory>
#include <string>

namespace devos::adapters::cuda {

using MadeIndex = std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>;

// What the module offers: cudaVectorDeviceCount and both makeCudaVectorIndex of cuda_vector_index.hpp.
struct ModuleApi {
    int (*deviceCount)();
    MadeIndex (*makeEmpty)(std::size_t dims, std::string model, contracts::VectorStorage storage,
                           std::size_t scoreBudgetBytes);
    MadeIndex (*makeOver)(const contracts::VectorRows& rows, std::size_t scoreBudgetBytes);
};

// The name of the module's one exported symbol: `const ModuleApi* devos_cuda_index_api()`.
inline constexpr const char* kModuleEntry = "devos_cuda_index_api";

} // namespace devos::adapters::cuda
