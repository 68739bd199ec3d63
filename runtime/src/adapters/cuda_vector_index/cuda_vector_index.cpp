// Exact top-k on a CUDA device.
//
// The corpus lives on the device, normalised on the host at insert and stored as fp16 or fp32
// (capacity doubles as it grows). A search copies up to 256 normalised queries at a time, then per
// tile runs one cublasGemmEx (CUBLAS_COMPUTE_32F: fp32 accumulation, no TF32) into a tile x queries
// fp32 score block, and a selection kernel that keeps each 4096-row chunk's k best. A tile is as many
// rows as fit a 256 MiB score block (the whole corpus for a single query up to 64M rows), so a search
// is a handful of launches. One merge kernel per batch reduces the chunk winners to the final k, so
// the full N x Q score matrix never exists beyond that budget. The device buffers a search needs are
// kept between searches (allocating them each time cost more than the scan). Rankings use the CPU's
// total order.
#include "cuda_vector_index.cuh"

#include "cuda_module_api.hpp"

#include <algorithm>
#include <cublas_v2.h>
#include <cuda_runtime_api.h>
#include <devos/contracts/embedding.hpp>
#include <mutex>
#include <numeric>

namespace devos::adapters {
namespace {

using contracts::Error;
using contracts::ErrorKind;

constexpr std::size_t kQueryBatch = 256;

// Rows per GEMM tile for `count` queries: whole 4096-row chunks whose fp32 scores fit the budget.
std::size_t tileRowsFor(std::size_t n, std::size_t count, std::size_t scoreBudgetBytes) {
    const std::size_t fit = scoreBudgetBytes / sizeof(float) / count / cuda::kChunkRows * cuda::kChunkRows;
    return std::min(n, std::max(cuda::kChunkRows, fit));
}

std::unexpected<Error> unavailable(const std::string& what, const std::string& detail) {
    return contracts::fail(ErrorKind::Unavailable, "CUDA " + what + " failed: " + detail, {}, 0,
                           "run without a GPU preference to use the CPU index");
}

std::expected<void, Error> check(cudaError_t status, const char* what) {
    if (status != cudaSuccess) {
        return unavailable(what, cudaGetErrorString(status));
    }
    return {};
}

std::expected<void, Error> check(cublasStatus_t status, const char* what) {
    if (status != CUBLAS_STATUS_SUCCESS) {
        return unavailable(what, cublasGetStatusString(status));
    }
    return {};
}

struct DeviceFree {
    void operator()(void* p) const { cudaFree(p); }
};
using DeviceBuffer = std::unique_ptr<void, DeviceFree>;

// A device buffer that grows on demand and is reused across searches.
struct Scratch {
    DeviceBuffer buffer;
    std::size_t bytes = 0;
};

std::expected<DeviceBuffer, Error> allocate(std::size_t bytes) {
    void* p = nullptr;
    if (auto ok = check(cudaMalloc(&p, std::max<std::size_t>(bytes, 1)), "cudaMalloc"); !ok) {
        return std::unexpected(std::move(ok.error()));
    }
    return DeviceBuffer(p);
}

std::expected<void*, Error> grow(Scratch& scratch, std::size_t bytes) {
    if (bytes > scratch.bytes) {
        scratch.buffer.reset(); // free first: the old and new block need not fit together
        scratch.bytes = 0;
        auto fresh = allocate(bytes);
        if (!fresh) {
            return std::unexpected(std::move(fresh.error()));
        }
        scratch.buffer = std::move(*fresh);
        scratch.bytes = bytes;
    }
    return scratch.buffer.get();
}

// Host rows in the storage type: fp32 as given, or rounded to fp16 (the bits of CUDA's __half).
std::vector<unsigned char> toStorage(const std::vector<float>& rows, contracts::VectorStorage storage) {
    if (storage == contracts::VectorStorage::Fp32) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(rows.data());
        return {bytes, bytes + rows.size() * sizeof(float)};
    }
    std::vector<unsigned char> out(rows.size() * sizeof(_Float16));
    auto* halves = reinterpret_cast<_Float16*>(out.data());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        halves[i] = static_cast<_Float16>(rows[i]);
    }
    return out;
}

class CudaVectorIndex final : public ports::VectorIndex {
public:
    CudaVectorIndex(std::size_t dims, std::string model, contracts::VectorStorage storage,
                    std::size_t scoreBudgetBytes, cublasHandle_t handle)
        : dims_(dims), model_(std::move(model)), storage_(storage), scoreBudgetBytes_(scoreBudgetBytes),
          handle_(handle), backend_(storage == contracts::VectorStorage::Fp16 ? "cuda-fp16" : "cuda-fp32") {}
    ~CudaVectorIndex() override { cublasDestroy(handle_); }
    CudaVectorIndex(const CudaVectorIndex&) = delete;
    CudaVectorIndex& operator=(const CudaVectorIndex&) = delete;

    std::expected<void, Error> add(std::span<const std::uint64_t> ids,
                                   const contracts::EmbeddingMatrix& vectors) override;
    // Copies `rows` (normalised, of this index's storage) to the device; their ids are their row numbers.
    std::expected<void, Error> load(const contracts::VectorRows& rows);
    std::expected<Hits, Error> search(const contracts::EmbeddingMatrix& queries, std::size_t k,
                                      float threshold) const override;
    std::size_t size() const override { return ids_.size(); }
    std::size_t dims() const override { return dims_; }
    const std::string& model() const override { return model_; }
    std::string_view backend() const override { return backend_; }

private:
    std::size_t elementBytes() const { return storage_ == contracts::VectorStorage::Fp16 ? 2 : 4; }
    cudaDataType_t elementType() const {
        return storage_ == contracts::VectorStorage::Fp16 ? CUDA_R_16F : CUDA_R_32F;
    }
    std::expected<void, Error> reserve(std::size_t rows);
    std::expected<void, Error> rankNewRows(std::size_t old);
    std::expected<void, Error> searchBatch(const std::vector<unsigned char>& queries, std::size_t count,
                                           std::size_t k, float threshold, Hits& hits) const;

    std::size_t dims_;
    std::string model_;
    contracts::VectorStorage storage_;
    std::size_t scoreBudgetBytes_;
    cublasHandle_t handle_;
    std::string backend_;
    std::vector<std::uint64_t> ids_;       // host copy: maps result rows back to ids
    std::vector<std::uint32_t> rowOfRank_; // rows in (id, row) order: maps a key's rank back to its row
    std::size_t capacity_ = 0;
    DeviceBuffer corpus_;
    DeviceBuffer deviceRanks_; // each row's rank in (id, row) order, for the kernels' keys
    // Per-search device buffers, kept between searches; search() is const and may run on several threads.
    mutable std::mutex searchMutex_;
    mutable Scratch queryScratch_;
    mutable Scratch scoreScratch_;
    mutable Scratch candidateScratch_;
    mutable Scratch bestScratch_;
};

std::expected<void, Error> CudaVectorIndex::reserve(std::size_t rows) {
    if (rows <= capacity_) {
        return {};
    }
    const std::size_t capacity = std::max({rows, 2 * capacity_, std::size_t{1024}});
    auto corpus = allocate(capacity * dims_ * elementBytes());
    auto ranks = allocate(capacity * sizeof(std::uint32_t));
    if (!corpus || !ranks) {
        return std::unexpected(corpus ? ranks.error() : corpus.error());
    }
    if (!ids_.empty()) {
        auto copied = check(cudaMemcpy(corpus->get(), corpus_.get(), ids_.size() * dims_ * elementBytes(),
                                       cudaMemcpyDeviceToDevice),
                            "cudaMemcpy");
        if (!copied) {
            return copied;
        }
        copied = check(cudaMemcpy(ranks->get(), deviceRanks_.get(), ids_.size() * sizeof(std::uint32_t),
                                  cudaMemcpyDeviceToDevice),
                       "cudaMemcpy");
        if (!copied) {
            return copied;
        }
    }
    corpus_ = std::move(*corpus);
    deviceRanks_ = std::move(*ranks);
    capacity_ = capacity;
    return {};
}

std::expected<void, Error> CudaVectorIndex::add(std::span<const std::uint64_t> ids,
                                                const contracts::EmbeddingMatrix& vectors) {
    if (auto shape = contracts::checkShape(vectors, dims_, model_); !shape) {
        return shape;
    }
    if (ids.size() != vectors.count()) {
        return contracts::fail(ErrorKind::Invalid,
                               "expected one id per vector, got " + std::to_string(ids.size()) + " ids for " +
                                   std::to_string(vectors.count()) + " vectors",
                               {}, 0, "pass ids and vectors of the same batch");
    }
    if (ids_.size() + ids.size() > cuda::kMaxRank) {
        return contracts::fail(ErrorKind::Invalid, "a CUDA index holds fewer than 2^32 - 1 vectors", {}, 0,
                               "split the corpus over several indexes");
    }
    auto rows = contracts::normalisedRows(vectors);
    if (!rows) {
        return std::unexpected(std::move(rows.error()));
    }
    const std::size_t old = ids_.size();
    if (auto ok = reserve(old + ids.size()); !ok) {
        return ok;
    }
    const auto bytes = toStorage(*rows, storage_);
    auto* corpus = static_cast<unsigned char*>(corpus_.get()) + old * dims_ * elementBytes();
    if (auto ok = check(cudaMemcpy(corpus, bytes.data(), bytes.size(), cudaMemcpyHostToDevice), "cudaMemcpy");
        !ok) {
        return ok;
    }
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    return rankNewRows(old);
}

std::expected<void, Error> CudaVectorIndex::load(const contracts::VectorRows& rows) {
    if (rows.count >= cuda::kMaxRank) {
        return contracts::fail(ErrorKind::Invalid, "a CUDA index holds fewer than 2^32 - 1 vectors", {}, 0,
                               "split the corpus over several indexes");
    }
    const std::size_t old = ids_.size();
    if (auto ok = reserve(old + rows.count); !ok) {
        return ok;
    }
    auto* corpus = static_cast<unsigned char*>(corpus_.get()) + old * dims_ * elementBytes();
    if (auto ok = check(cudaMemcpy2D(corpus, dims_ * elementBytes(), rows.data, rows.strideBytes,
                                     dims_ * elementBytes(), rows.count, cudaMemcpyHostToDevice),
                        "cudaMemcpy2D");
        !ok) {
        return ok;
    }
    for (std::size_t r = 0; r < rows.count; ++r) {
        ids_.push_back(old + r);
    }
    return rankNewRows(old);
}

// Rows from `old` on are new. Ids that arrive in increasing order (the usual case) rank after every
// row before them: their ranks are appended. Otherwise every row is ranked again, O(n log n) once.
std::expected<void, Error> CudaVectorIndex::rankNewRows(std::size_t old) {
    const std::size_t n = ids_.size();
    const bool appended =
        (old == 0 || ids_[old] > ids_[rowOfRank_.back()]) &&
        std::adjacent_find(ids_.begin() + static_cast<std::ptrdiff_t>(old), ids_.end(),
                           [](std::uint64_t a, std::uint64_t b) { return a >= b; }) == ids_.end();
    const std::size_t from = appended ? old : 0;
    std::vector<std::uint32_t> ranks(n - from);
    if (appended) {
        for (std::size_t row = old; row < n; ++row) {
            rowOfRank_.push_back(static_cast<std::uint32_t>(row));
            ranks[row - old] = static_cast<std::uint32_t>(row);
        }
    } else {
        rowOfRank_.resize(n);
        std::iota(rowOfRank_.begin(), rowOfRank_.end(), 0U);
        std::sort(rowOfRank_.begin(), rowOfRank_.end(), [&](std::uint32_t a, std::uint32_t b) {
            return ids_[a] != ids_[b] ? ids_[a] < ids_[b] : a < b;
        });
        for (std::size_t rank = 0; rank < n; ++rank) {
            ranks[rowOfRank_[rank]] = static_cast<std::uint32_t>(rank);
        }
    }
    return check(cudaMemcpy(static_cast<std::uint32_t*>(deviceRanks_.get()) + from, ranks.data(),
                            ranks.size() * sizeof(std::uint32_t), cudaMemcpyHostToDevice),
                 "cudaMemcpy");
}

std::expected<CudaVectorIndex::Hits, Error> CudaVectorIndex::search(const contracts::EmbeddingMatrix& queries,
                                                                    std::size_t k, float threshold) const {
    if (auto shape = contracts::checkShape(queries, dims_, model_); !shape) {
        return std::unexpected(std::move(shape.error()));
    }
    if (k == 0 || k > cuda::kChunkRows) {
        return contracts::fail(ErrorKind::Invalid, "expected 1 <= k <= 4096 on the CUDA index", {}, 0,
                               "ask for fewer hits");
    }
    auto normalised = contracts::normalisedRows(queries);
    if (!normalised) {
        return std::unexpected(std::move(normalised.error()));
    }
    const std::size_t count = queries.count();
    Hits hits(count);
    if (ids_.empty()) {
        return hits;
    }
    for (std::size_t first = 0; first < count; first += kQueryBatch) {
        const std::size_t batch = std::min(kQueryBatch, count - first);
        const std::vector<float> rows(normalised->begin() + static_cast<std::ptrdiff_t>(first * dims_),
                                      normalised->begin() +
                                          static_cast<std::ptrdiff_t>((first + batch) * dims_));
        Hits part;
        if (auto ok = searchBatch(toStorage(rows, storage_), batch, k, threshold, part); !ok) {
            return std::unexpected(std::move(ok.error()));
        }
        std::move(part.begin(), part.end(), hits.begin() + static_cast<std::ptrdiff_t>(first));
    }
    return hits;
}

std::expected<void, Error> CudaVectorIndex::searchBatch(const std::vector<unsigned char>& queries,
                                                        std::size_t count, std::size_t k, float threshold,
                                                        Hits& hits) const {
    const std::size_t n = ids_.size();
    const std::size_t tileRows = tileRowsFor(n, count, scoreBudgetBytes_);
    const std::size_t perQuery = (n + cuda::kChunkRows - 1) / cuda::kChunkRows * k;
    const std::lock_guard lock(searchMutex_);
    auto deviceQueries = grow(queryScratch_, queries.size());
    auto scores = deviceQueries ? grow(scoreScratch_, tileRows * count * sizeof(float)) : deviceQueries;
    auto candidates = scores ? grow(candidateScratch_, count * perQuery * sizeof(cuda::Key)) : scores;
    auto best = candidates ? grow(bestScratch_, count * k * sizeof(cuda::Key)) : candidates;
    if (!best) {
        return unavailable("cudaMalloc",
                           "out of device memory for a search of " + std::to_string(count) + " queries");
    }
    if (auto ok = check(cudaMemcpy(*deviceQueries, queries.data(), queries.size(), cudaMemcpyHostToDevice),
                        "cudaMemcpy");
        !ok) {
        return ok;
    }
    const auto* ranks = static_cast<const std::uint32_t*>(deviceRanks_.get());
    auto* chunkBest = static_cast<cuda::Key*>(*candidates);
    const float alpha = 1.0F;
    const float beta = 0.0F;
    for (std::size_t begin = 0; begin < n; begin += tileRows) {
        const std::size_t rows = std::min(tileRows, n - begin);
        const auto* tile = static_cast<const unsigned char*>(corpus_.get()) + begin * dims_ * elementBytes();
        // Column-major view: the tile is dims x rows (lda = dims); scores are rows x count (ldc = tileRows).
        auto gemm = check(cublasGemmEx(handle_, CUBLAS_OP_T, CUBLAS_OP_N, static_cast<int>(rows),
                                       static_cast<int>(count), static_cast<int>(dims_), &alpha, tile,
                                       elementType(), static_cast<int>(dims_), *deviceQueries, elementType(),
                                       static_cast<int>(dims_), &beta, *scores, CUDA_R_32F,
                                       static_cast<int>(tileRows), CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
                          "cublasGemmEx");
        if (!gemm) {
            return gemm;
        }
        auto select = check(cuda::launchTileSelect(static_cast<const float*>(*scores), tileRows, rows, begin,
                                                   count, ranks, k, threshold, chunkBest, perQuery, nullptr),
                            "top-k kernel");
        if (!select) {
            return select;
        }
    }
    auto* merged = static_cast<cuda::Key*>(*best);
    if (auto ok =
            check(cuda::launchMergeSelect(chunkBest, perQuery, count, k, merged, nullptr), "merge kernel");
        !ok) {
        return ok;
    }
    std::vector<cuda::Key> host(count * k);
    if (auto ok =
            check(cudaMemcpy(host.data(), merged, host.size() * sizeof(cuda::Key), cudaMemcpyDeviceToHost),
                  "cudaMemcpy");
        !ok) {
        return ok;
    }
    hits.assign(count, {});
    for (std::size_t q = 0; q < count; ++q) {
        for (std::size_t r = 0; r < k && host[q * k + r] != cuda::kNoKey; ++r) {
            const cuda::Key key = host[q * k + r];
            hits[q].push_back({ids_[rowOfRank_[cuda::keyRank(key)]], cuda::keyScore(key)});
        }
    }
    return {};
}

int deviceCount() {
    int count = 0;
    return cudaGetDeviceCount(&count) == cudaSuccess ? count : 0;
}

cuda::MadeIndex makeEmpty(std::size_t dims, std::string model, contracts::VectorStorage storage,
                          std::size_t scoreBudgetBytes) {
    if (deviceCount() == 0) {
        return contracts::fail(ErrorKind::Unavailable, "expected a CUDA device, found none", {}, 0,
                               "use the CPU index (VectorBackend::Auto falls back to it)");
    }
    if (auto ok = check(cudaSetDevice(0), "cudaSetDevice"); !ok) {
        return std::unexpected(std::move(ok.error()));
    }
    cublasHandle_t handle = nullptr;
    if (auto ok = check(cublasCreate(&handle), "cublasCreate"); !ok) {
        return std::unexpected(std::move(ok.error()));
    }
    return std::make_unique<CudaVectorIndex>(dims, std::move(model), storage, scoreBudgetBytes, handle);
}

cuda::MadeIndex makeOver(const contracts::VectorRows& rows, std::size_t scoreBudgetBytes) {
    auto index = makeEmpty(rows.dims, rows.model, rows.storage, scoreBudgetBytes);
    if (!index) {
        return index;
    }
    if (auto loaded = static_cast<CudaVectorIndex&>(**index).load(rows); !loaded) {
        return std::unexpected(std::move(loaded.error()));
    }
    return index;
}

} // namespace
} // namespace devos::adapters

// The module's entry point, looked up by the runtime's loader (cuda_vector_index_loader.cpp).
extern "C" __attribute__((visibility("default"))) const devos::adapters::cuda::ModuleApi*
devos_cuda_index_api() {
    static const devos::adapters::cuda::ModuleApi api{devos::adapters::deviceCount,
                                                      devos::adapters::makeEmpty, devos::adapters::makeOver};
    return &api;
}
