// The runtime's side of the CUDA index: opens libdevos_cuda_index.so (dlopen) the first time a GPU index
// is asked for, and only when the machine has an NVIDIA device node, so that CPU-only searches never pay
// for loading cuBLAS. The module is looked up at $DEVOS_CUDA_INDEX_MODULE, then where it is installed,
// then where this build tree made it.
#include "cuda_module_api.hpp"

#include <devos/adapters/cuda_vector_index.hpp>
#include <dlfcn.h>
#include <filesystem>
#include <mutex>

namespace devos::adapters {
namespace {

// The module's API, or why it could not be loaded; loaded once per process.
struct LoadedModule {
    const cuda::ModuleApi* api = nullptr;
    std::string why;
};

bool mayHaveNvidiaDevice() {
    std::error_code ec;
    return std::filesystem::exists("/dev/nvidiactl", ec) || std::filesystem::exists("/dev/dxg", ec);
}

const LoadedModule& module() {
    static const LoadedModule loaded = [] {
        LoadedModule out;
        if (!mayHaveNvidiaDevice()) {
            out.why = "no NVIDIA device node (/dev/nvidiactl)";
            return out;
        }
        std::vector<std::string> candidates;
        if (const char* env = std::getenv("DEVOS_CUDA_INDEX_MODULE"); env != nullptr && *env != '\0') {
            candidates.emplace_back(env);
        }
        candidates.emplace_back(DEVOS_CUDA_INDEX_INSTALLED);
        candidates.emplace_back(DEVOS_CUDA_INDEX_BUILT);
        for (const auto& path : candidates) {
            void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (handle == nullptr) {
                out.why += std::string(out.why.empty() ? "" : "; ") + ::dlerror();
                continue;
            }
            using Entry = const cuda::ModuleApi* (*)();
            if (auto entry = reinterpret_cast<Entry>(::dlsym(handle, cuda::kModuleEntry)); entry != nullptr) {
                out.api = entry();
                out.why.clear();
                return out; // the module stays loaded for the life of the process
            }
            out.why += "; " + path + " has no " + cuda::kModuleEntry;
        }
        return out;
    }();
    return loaded;
}

std::unexpected<contracts::Error> unavailable() {
    return contracts::fail(contracts::ErrorKind::Unavailable,
                           "the CUDA index is unavailable: " + module().why, {}, 0,
                           "use the CPU index (VectorBackend::Auto falls back to it)");
}

} // namespace

int cudaVectorDeviceCount() {
    return module().api != nullptr ? module().api->deviceCount() : 0;
}

std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeCudaVectorIndex(std::size_t dims, std::string model, contracts::VectorStorage storage,
                    std::size_t scoreBudgetBytes) {
    if (module().api == nullptr) {
        return unavailable();
    }
    return module().api->makeEmpty(dims, std::move(model), storage, scoreBudgetBytes);
}

std::expected<std::unique_ptr<ports::VectorIndex>, contracts::Error>
makeCudaVectorIndex(const contracts::VectorRows& rows, std::size_t scoreBudgetBytes) {
    if (module().api == nullptr) {
        return unavailable();
    }
    return module().api->makeOver(rows, scoreBudgetBytes);
}

} // namespace devos::adapters
