#include <devos/adapters/cpu_vector_index.hpp>
#include <devos/adapters/cuda_vector_index.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <optional>

namespace devos::entrypoints {

namespace {

using IndexOrError = std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>;

// The GPU index when the preference allows one: its result when CUDA was asked for or when it came
// up; nothing when the CPU index should be made instead.
template <typename MakeCuda>
std::optional<IndexOrError> gpuIndex(contracts::VectorBackend preference,
                                     [[maybe_unused]] MakeCuda makeCuda) {
    if (preference == contracts::VectorBackend::Cpu)
        return std::nullopt;
#ifdef DEVOS_HAS_CUDA
    IndexOrError cuda = makeCuda();
    if (cuda || preference == contracts::VectorBackend::Cuda)
        return cuda;
#else
    if (preference == contracts::VectorBackend::Cuda)
        return contracts::fail(contracts::ErrorKind::Unavailable, "this build has no CUDA support", {}, 0,
                               "rebuild with the CUDA toolkit installed (DEVOS_WITH_CUDA=AUTO or ON)");
#endif
    return std::nullopt;
}

} // namespace

std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeVectorIndex(std::size_t dims, std::string model, contracts::VectorBackend preference,
                contracts::VectorStorage storage) {
    if (dims == 0 || model.empty()) {
        return contracts::fail(contracts::ErrorKind::Invalid, "expected dims > 0 and a model name", {}, 0,
                               "create the index from the first embedding's model and dims");
    }
    if (auto gpu = gpuIndex(preference, [&] { return adapters::makeCudaVectorIndex(dims, model, storage); }))
        return std::move(*gpu);
    return std::make_unique<adapters::CpuVectorIndex>(dims, std::move(model),
                                                      adapters::CpuVectorIndexOptions{storage});
}

std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeVectorIndexOver(const contracts::VectorRows& rows, std::shared_ptr<const void> owner,
                    contracts::VectorBackend preference) {
    if (rows.dims == 0 || rows.model.empty() || (rows.count != 0 && rows.data == nullptr)) {
        return contracts::fail(contracts::ErrorKind::Invalid, "expected dims > 0, a model name and rows", {},
                               0, "open the vectors before indexing them");
    }
    if (auto gpu = gpuIndex(preference, [&] { return adapters::makeCudaVectorIndex(rows); }))
        return std::move(*gpu);
    return std::make_unique<adapters::CpuVectorIndex>(rows, std::move(owner));
}

} // namespace devos::entrypoints
