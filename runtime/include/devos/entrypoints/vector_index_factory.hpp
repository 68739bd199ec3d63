#pragma once
#include <cstddef>
#include <devos/contracts/vector_search.hpp>
#include <devos/ports/vector_index.hpp>
#include <memory>
#include <string>

namespace devos::entrypoints {

// An empty exact index for `dims`-long vectors of `model`. Auto: CUDA when this build has it and a device
// answers, else the CPU; Cuda: Unavailable instead of falling back; Cpu: always the CPU.
[[nodiscard]] std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeVectorIndex(std::size_t dims, std::string model,
                contracts::VectorBackend preference = contracts::VectorBackend::Auto,
                contracts::VectorStorage storage = contracts::VectorStorage::Fp32);

} // namespace devos::entrypoints
