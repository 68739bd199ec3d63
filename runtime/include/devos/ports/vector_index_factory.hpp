#pragma once
#include <cstddef>
#include <devos/contracts/error.hpp>
#include <devos/ports/vector_index.hpp>
#include <memory>
#include <string>

namespace devos::ports {

// Creates empty exact indexes (or read-only ones over vectors kept elsewhere), so that a service chooses the
// size and model while the composition root chooses the implementation (CPU or CUDA).
class VectorIndexFactory {
public:
    virtual ~VectorIndexFactory() = default;
    // An empty index for `dims`-long vectors of `model`.
    [[nodiscard]] virtual contracts::Expected<std::unique_ptr<VectorIndex>>
    create(std::size_t dims, const std::string& model) const = 0;
    // A read-only index over `rows` that does not copy them on the host; its hit ids are row numbers.
    // `owner` keeps the rows alive for as long as the index lives.
    [[nodiscard]] virtual contracts::Expected<std::unique_ptr<VectorIndex>>
    view(const contracts::VectorRows& rows, std::shared_ptr<const void> owner) const = 0;
};

} // namespace devos::ports
