// Exact top-k on the CPU.
//
// One query reads the whole corpus once, so it is bound by memory bandwidth: an AVX2/FMA dot product
// per row (fp16 rows widened with F16C) feeds a bounded heap whose cutoff, max(threshold, k-th best),
// rejects almost every row with one comparison. Large corpora are split into one contiguous chunk per
// thread, each with its own heap, merged at the end. Four or more queries share each corpus read:
// OpenBLAS sgemm multiplies the queries by a 4096-row tile (16 MB of scores at most for 1024
// queries), then each query's heap takes the tile's scores. Every path orders results by
// contracts::rankedBefore, so they agree exactly up to fp32 rounding of the sums.
#include <algorithm>
#include <cblas.h>
#include <devos/adapters/cpu_vector_index.hpp>
#include <immintrin.h>
#include <thread>

namespace devos::adapters {
namespace {

using contracts::VectorHit;

constexpr std::size_t kTileRows = 4096;
constexpr std::size_t kMinRowsPerThread = 16384;
constexpr std::size_t kMinGemmQueries = 4;

// The k best hits seen so far with score >= threshold; the heap's front is the worst of them.
class TopK {
public:
    TopK(std::size_t k, float threshold) : k_(k), cutoff_(threshold) { heap_.reserve(k); }

    // Scores below cutoff() can never enter: the hot loops test this before calling offer().
    [[nodiscard]] float cutoff() const { return cutoff_; }

    void offer(VectorHit hit) {
        if (!(hit.score >= cutoff_)) {
            return;
        }
        if (heap_.size() < k_) {
            heap_.push_back(hit);
            std::push_heap(heap_.begin(), heap_.end(), contracts::rankedBefore);
        } else if (contracts::rankedBefore(hit, heap_.front())) {
            std::pop_heap(heap_.begin(), heap_.end(), contracts::rankedBefore);
            heap_.back() = hit;
            std::push_heap(heap_.begin(), heap_.end(), contracts::rankedBefore);
        } else {
            return;
        }
        if (heap_.size() == k_) {
            cutoff_ = heap_.front().score;
        }
    }

    void merge(const TopK& other) {
        for (const VectorHit& hit : other.heap_) {
            offer(hit);
        }
    }

    [[nodiscard]] std::vector<VectorHit> sorted() && {
        std::sort_heap(heap_.begin(), heap_.end(), contracts::rankedBefore);
        return std::move(heap_);
    }

private:
    std::size_t k_;
    float cutoff_;
    std::vector<VectorHit> heap_;
};

// Rows [begin, end) of a corpus scanned against one query into a heap. Row r starts r * stride
// elements after `rows`; its id is ids[r], or r itself when ids is null (a view).
template <typename Row> struct ScanJob {
    const float* query;
    const Row* rows;
    const std::uint64_t* ids;
    std::size_t dims;
    std::size_t stride;
    std::size_t begin;
    std::size_t end;

    [[nodiscard]] std::uint64_t idOf(std::size_t r) const { return ids != nullptr ? ids[r] : r; }
};

template <typename Row> void scanScalar(const ScanJob<Row>& job, TopK& top) {
    for (std::size_t r = job.begin; r < job.end; ++r) {
        const Row* row = job.rows + r * job.stride;
        float sum = 0.0F;
        for (std::size_t i = 0; i < job.dims; ++i) {
            sum += job.query[i] * static_cast<float>(row[i]);
        }
        if (sum >= top.cutoff()) {
            top.offer({job.idOf(r), sum});
        }
    }
}

__attribute__((target("avx2,fma,f16c"))) inline __m256 load8(const float* p) {
    return _mm256_loadu_ps(p);
}
__attribute__((target("avx2,fma,f16c"))) inline __m256 load8(const _Float16* p) {
    return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

// Four independent 8-lane accumulators hide the FMA latency; the tail (dims % 8) is scalar.
template <typename Row>
__attribute__((target("avx2,fma,f16c"))) void scanAvx2(const ScanJob<Row>& job, TopK& top) {
    const std::size_t d = job.dims;
    for (std::size_t r = job.begin; r < job.end; ++r) {
        const Row* row = job.rows + r * job.stride;
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        std::size_t i = 0;
        for (; i + 32 <= d; i += 32) {
            a0 = _mm256_fmadd_ps(load8(job.query + i), load8(row + i), a0);
            a1 = _mm256_fmadd_ps(load8(job.query + i + 8), load8(row + i + 8), a1);
            a2 = _mm256_fmadd_ps(load8(job.query + i + 16), load8(row + i + 16), a2);
            a3 = _mm256_fmadd_ps(load8(job.query + i + 24), load8(row + i + 24), a3);
        }
        for (; i + 8 <= d; i += 8) {
            a0 = _mm256_fmadd_ps(load8(job.query + i), load8(row + i), a0);
        }
        const __m256 s8 = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
        __m128 s4 = _mm_add_ps(_mm256_castps256_ps128(s8), _mm256_extractf128_ps(s8, 1));
        s4 = _mm_add_ps(s4, _mm_movehl_ps(s4, s4));
        s4 = _mm_add_ss(s4, _mm_movehdup_ps(s4));
        float sum = _mm_cvtss_f32(s4);
        for (; i < d; ++i) {
            sum += job.query[i] * static_cast<float>(row[i]);
        }
        if (sum >= top.cutoff()) {
            top.offer({job.idOf(r), sum});
        }
    }
}

template <typename Row> void scanRange(bool simd, const ScanJob<Row>& job, TopK& top) {
    if (simd) {
        scanAvx2(job, top);
    } else {
        scanScalar(job, top);
    }
}

__attribute__((target("avx2,fma,f16c"))) void widenAvx2(const _Float16* in, float* out, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_ps(out + i, load8(in + i));
    }
    for (; i < n; ++i) {
        out[i] = static_cast<float>(in[i]);
    }
}

void widen(bool simd, const _Float16* in, float* out, std::size_t n) {
    if (simd) {
        widenAvx2(in, out, n);
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = static_cast<float>(in[i]);
    }
}

bool cpuHasAvx2() {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

} // namespace

CpuVectorIndex::CpuVectorIndex(std::size_t dims, std::string model, CpuVectorIndexOptions options)
    : dims_(dims), model_(std::move(model)), options_(options), simd_(cpuHasAvx2()),
      backend_(std::string(options.storage == contracts::VectorStorage::Fp16 ? "cpu-fp16-" : "cpu-fp32-") +
               (simd_ ? "avx2" : "scalar")) {}

CpuVectorIndex::CpuVectorIndex(const contracts::VectorRows& rows, std::shared_ptr<const void> owner,
                               CpuVectorIndexOptions options)
    : CpuVectorIndex(rows.dims, rows.model, {rows.storage, options.threads}) {
    view_ = rows;
    viewOwner_ = std::move(owner);
}

contracts::VectorRows CpuVectorIndex::rows() const {
    if (view_) {
        return *view_;
    }
    const bool half = options_.storage == contracts::VectorStorage::Fp16;
    const std::size_t element = half ? sizeof(_Float16) : sizeof(float);
    const auto* data = half ? reinterpret_cast<const std::byte*>(fp16_.data())
                            : reinterpret_cast<const std::byte*>(fp32_.data());
    return {model_, dims_, ids_.size(), options_.storage, data, dims_ * element};
}

std::expected<void, contracts::Error> CpuVectorIndex::add(std::span<const std::uint64_t> ids,
                                                          const contracts::EmbeddingMatrix& vectors) {
    if (view_) {
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "this index is a read-only view of stored vectors", {}, 0,
                               "append to the vector file, then open a new view");
    }
    if (auto shape = contracts::checkShape(vectors, dims_, model_); !shape) {
        return std::unexpected(std::move(shape.error()));
    }
    if (ids.size() != vectors.count()) {
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "expected one id per vector, got " + std::to_string(ids.size()) + " ids for " +
                                   std::to_string(vectors.count()) + " vectors",
                               {}, 0, "pass ids and vectors of the same batch");
    }
    auto rows = contracts::normalisedRows(vectors);
    if (!rows) {
        return std::unexpected(std::move(rows.error()));
    }
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    if (options_.storage == contracts::VectorStorage::Fp16) {
        fp16_.insert(fp16_.end(), rows->begin(), rows->end());
    } else {
        fp32_.insert(fp32_.end(), rows->begin(), rows->end());
    }
    return {};
}

std::expected<CpuVectorIndex::Hits, contracts::Error>
CpuVectorIndex::search(const contracts::EmbeddingMatrix& queries, std::size_t k, float threshold) const {
    if (auto shape = contracts::checkShape(queries, dims_, model_); !shape) {
        return std::unexpected(std::move(shape.error()));
    }
    if (k == 0) {
        return contracts::fail(contracts::ErrorKind::Invalid, "expected k >= 1", {}, 0,
                               "ask for at least one hit");
    }
    auto normalised = contracts::normalisedRows(queries);
    if (!normalised) {
        return std::unexpected(std::move(normalised.error()));
    }
    const std::size_t count = queries.count();
    if (count >= kMinGemmQueries && size() != 0) {
        return multiply(*normalised, count, k, threshold);
    }
    Hits hits;
    hits.reserve(count);
    for (std::size_t q = 0; q < count; ++q) {
        hits.push_back(scan(std::span(*normalised).subspan(q * dims_, dims_), k, threshold));
    }
    return hits;
}

std::vector<VectorHit> CpuVectorIndex::scan(std::span<const float> query, std::size_t k,
                                            float threshold) const {
    const contracts::VectorRows stored = rows();
    const std::size_t n = stored.count;
    const std::uint64_t* ids = view_ ? nullptr : ids_.data();
    const unsigned hardware =
        options_.threads != 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
    const std::size_t chunks = std::clamp<std::size_t>(n / kMinRowsPerThread, 1, hardware);
    std::vector<TopK> tops(chunks, TopK(k, threshold));
    auto run = [&](std::size_t c) {
        const std::size_t begin = n * c / chunks;
        const std::size_t end = n * (c + 1) / chunks;
        if (stored.storage == contracts::VectorStorage::Fp16) {
            const auto* base = reinterpret_cast<const _Float16*>(stored.data);
            scanRange(simd_,
                      ScanJob<_Float16>{query.data(), base, ids, dims_, stored.strideBytes / sizeof(_Float16),
                                        begin, end},
                      tops[c]);
        } else {
            const auto* base = reinterpret_cast<const float*>(stored.data);
            scanRange(simd_,
                      ScanJob<float>{query.data(), base, ids, dims_, stored.strideBytes / sizeof(float),
                                     begin, end},
                      tops[c]);
        }
    };
    std::vector<std::jthread> workers;
    for (std::size_t c = 1; c < chunks; ++c) {
        workers.emplace_back(run, c);
    }
    run(0);
    workers.clear();
    for (std::size_t c = 1; c < chunks; ++c) {
        tops[0].merge(tops[c]);
    }
    return std::move(tops[0]).sorted();
}

CpuVectorIndex::Hits CpuVectorIndex::multiply(std::span<const float> queries, std::size_t count,
                                              std::size_t k, float threshold) const {
    const contracts::VectorRows stored = rows();
    const std::size_t n = stored.count;
    const bool half = stored.storage == contracts::VectorStorage::Fp16;
    std::vector<TopK> tops(count, TopK(k, threshold));
    std::vector<float> scores(count * kTileRows);
    std::vector<float> widened(half ? kTileRows * dims_ : 0);
    for (std::size_t begin = 0; begin < n; begin += kTileRows) {
        const std::size_t rows = std::min(kTileRows, n - begin);
        const std::byte* first = stored.data + begin * stored.strideBytes;
        const auto* tile = reinterpret_cast<const float*>(first);
        auto lda = static_cast<blasint>(stored.strideBytes / sizeof(float));
        if (half) {
            for (std::size_t r = 0; r < rows; ++r) {
                widen(simd_, reinterpret_cast<const _Float16*>(first + r * stored.strideBytes),
                      widened.data() + r * dims_, dims_);
            }
            tile = widened.data();
            lda = static_cast<blasint>(dims_);
        }
        const auto m = static_cast<blasint>(count);
        const auto cols = static_cast<blasint>(rows);
        const auto d = static_cast<blasint>(dims_);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, cols, d, 1.0F, queries.data(), d, tile, lda,
                    0.0F, scores.data(), cols);
        for (std::size_t q = 0; q < count; ++q) {
            const float* row = scores.data() + q * rows;
            TopK& top = tops[q];
            for (std::size_t j = 0; j < rows; ++j) {
                if (row[j] >= top.cutoff()) {
                    top.offer({view_ ? begin + j : ids_[begin + j], row[j]});
                }
            }
        }
    }
    Hits hits;
    hits.reserve(count);
    for (TopK& top : tops) {
        hits.push_back(std::move(top).sorted());
    }
    return hits;
}

} // namespace devos::adapters
