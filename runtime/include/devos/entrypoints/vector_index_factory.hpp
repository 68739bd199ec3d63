#pragma once
#include <cstddef>
#include <devos/contracts/vector_search.hpp>
#include <devos/ports/vector_index.hpp>
#include <devos/ports/vector_index_factory.hpp>
#include <memory>
#include <string>

namespace devos::entrypoints {

// An empty exact index for `dims`-long vectors of `model`. Auto: CUDA when this build has it and a device
// answers, else the CPU; Cuda: Unavailable instead of falling back; Cpu: always the CPU.
[[nodiscard]] std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeVectorIndex(std::size_t dims, std::string model,
                contracts::VectorBackend preference = contracts::VectorBackend::Auto,
                contracts::VectorStorage storage = contracts::VectorStorage::Fp32);

// A read-only index over `rows` (see ports::VectorIndexFactory::view), on the device `preference` picks as
// makeVectorIndex does: the CPU scans the rows where they lie, CUDA copies them to the device.
[[nodiscard]] std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeVectorIndexOver(const contracts::VectorRows& rows, std::shared_ptr<const void> owner,
                    contracts::VectorBackend preference = contracts::VectorBackend::Auto);

// makeVectorIndex behind the factory port, with one backend preference and storage for every index.
class VectorIndexes final : public ports::VectorIndexFactory {
public:
    explicit VectorIndexes(contracts::VectorBackend preference = contracts::VectorBackend::Auto,
                           contracts::VectorStorage storage = contracts::VectorStorage::Fp32)
        : preference_(preference), storage_(storage) {}

    [[nodiscard]] contracts::Expected<std::unique_ptr<ports::VectorIndex>>
    create(std::size_t dims, const std::string& model) const override {
        return makeVectorIndex(dims, model, preference_, storage_);
    }
    [[nodiscard]] contracts::Expected<std::unique_ptr<ports::VectorIndex>>
    view(const contracts::VectorRows& rows, std::shared_ptr<const void> owner) const override {
        return makeVectorIndexOver(rows, std::move(owner), preference_);
    }

private:
    contracts::VectorBackend preference_;
    contracts::VectorStorage storage_;
};

} // namespace devos::entrypoints
