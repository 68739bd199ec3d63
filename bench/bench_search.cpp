// Exact top-10 search, d = 1024, uniform random unit vectors: DevOS CpuVectorIndex vs FAISS
// IndexFlatIP in the same process. Args: {corpus rows, queries}. Threshold -1 (nothing filtered),
// so the heaps do their worst-case work. Run FAISS with OMP_NUM_THREADS=1: with both OpenMP and
// OpenBLAS at 2 threads on a 2-core machine it oversubscribes and gets 2.5-4.7x slower; one query
// is single-threaded in FAISS whatever OpenMP says.
#include "random_unit_rows.hpp"

#include <benchmark/benchmark.h>
#include <cmath>
#include <devos/adapters/cpu_vector_index.hpp>
#include <faiss/IndexFlat.h>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace {

namespace bench = devos::bench;
using devos::adapters::CpuVectorIndex;
using devos::adapters::CpuVectorIndexOptions;
using devos::contracts::EmbeddingMatrix;
using devos::contracts::VectorStorage;

constexpr std::size_t kDims = 1024;
constexpr std::size_t kK = 10;
constexpr std::size_t kMaxQueries = 64;
constexpr const char* kModel = "bench";

using bench::FastRandom;

void randomUnitRows(FastRandom& rng, std::vector<float>& rows) {
    bench::randomUnitRows(rng, rows, kDims);
}

// One corpus loaded into every engine, built in 64k-row chunks so no full raw copy is kept.
struct Engines {
    CpuVectorIndex fp32OneThread{kDims, kModel, CpuVectorIndexOptions{VectorStorage::Fp32, 1}};
    CpuVectorIndex fp32{kDims, kModel, CpuVectorIndexOptions{VectorStorage::Fp32, 0}};
    CpuVectorIndex fp16{kDims, kModel, CpuVectorIndexOptions{VectorStorage::Fp16, 0}};
    faiss::IndexFlatIP faiss{kDims};
    std::vector<float> queries = std::vector<float>(kMaxQueries * kDims);

    explicit Engines(std::size_t n) {
        FastRandom rng{42};
        bench::forEachCorpusChunk(
            n, kDims, rng, [&](const std::vector<std::uint64_t>& ids, const std::vector<float>& rows) {
                const EmbeddingMatrix matrix{kModel, kDims, rows};
                if (!fp32OneThread.add(ids, matrix) || !fp32.add(ids, matrix) || !fp16.add(ids, matrix)) {
                    std::abort();
                }
                faiss.add(static_cast<faiss::Index::idx_t>(ids.size()), rows.data());
            });
        randomUnitRows(rng, queries);
    }
};

Engines& enginesFor(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<Engines>> cache;
    auto& slot = cache[n];
    if (!slot) {
        cache.clear(); // one corpus in memory at a time: 1M x 1024 is 14 GB over the four engines
        auto& fresh = cache[n];
        fresh = std::make_unique<Engines>(n);
        return *fresh;
    }
    return *slot;
}

void searchDevos(benchmark::State& state, CpuVectorIndex Engines::* which) {
    auto& engines = enginesFor(static_cast<std::size_t>(state.range(0)));
    const auto q = static_cast<std::size_t>(state.range(1));
    const EmbeddingMatrix queries{kModel, kDims, std::span(engines.queries).first(q * kDims)};
    // The answer must be FAISS's: same ids in the same order for the first query.
    std::vector<float> scores(kK);
    std::vector<faiss::Index::idx_t> labels(kK);
    engines.faiss.search(1, engines.queries.data(), kK, scores.data(), labels.data());
    for (auto _ : state) {
        auto hits = (engines.*which).search(queries, kK, -1.0F);
        if (!hits || hits->size() != q) {
            state.SkipWithError("search failed");
            return;
        }
        for (std::size_t i = 0; i < kK && which != &Engines::fp16; ++i) {
            if (hits->at(0)[i].id != static_cast<std::uint64_t>(labels[i])) {
                state.SkipWithError("result differs from FAISS");
                return;
            }
        }
        benchmark::DoNotOptimize(hits);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(q));
    const std::int64_t rowBytes = which == &Engines::fp16 ? 2 : 4;
    state.SetBytesProcessed(state.iterations() * state.range(0) * static_cast<std::int64_t>(kDims) *
                            rowBytes);
    state.SetLabel(std::string((engines.*which).backend()));
}

void searchFaiss(benchmark::State& state) {
    auto& engines = enginesFor(static_cast<std::size_t>(state.range(0)));
    const auto q = static_cast<std::size_t>(state.range(1));
    std::vector<float> scores(q * kK);
    std::vector<faiss::Index::idx_t> labels(q * kK);
    for (auto _ : state) {
        engines.faiss.search(static_cast<faiss::Index::idx_t>(q), engines.queries.data(), kK, scores.data(),
                             labels.data());
        benchmark::DoNotOptimize(labels.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(q));
    state.SetBytesProcessed(state.iterations() * state.range(0) * static_cast<std::int64_t>(kDims) * 4);
    state.SetLabel("faiss-IndexFlatIP");
}

// The memory read bandwidth the scans are measured against, in the same run: one pass summing
// FAISS's fp32 rows (the same 4 bytes x dims x n a single fp32 query reads) on `threads` threads,
// eight independent AVX accumulators per thread.
void readBandwidth(benchmark::State& state) {
    auto& engines = enginesFor(static_cast<std::size_t>(state.range(0)));
    const auto threads = static_cast<std::size_t>(state.range(1));
    const float* rows = engines.faiss.get_xb();
    const std::size_t floats = static_cast<std::size_t>(state.range(0)) * kDims;
    std::vector<float> sums(threads);
    for (auto _ : state) {
        std::vector<std::thread> workers;
        for (std::size_t t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                const std::size_t begin = floats / threads * t;
                const std::size_t end = t + 1 == threads ? floats : floats / threads * (t + 1);
                float acc[64] = {};
                for (std::size_t i = begin; i + 64 <= end; i += 64) {
                    for (std::size_t j = 0; j < 64; ++j) {
                        acc[j] += rows[i + j];
                    }
                }
                float total = 0.0F;
                for (float a : acc) {
                    total += a;
                }
                sums[t] = total;
            });
        }
        for (auto& w : workers) {
            w.join();
        }
        benchmark::DoNotOptimize(sums.data());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(floats * sizeof(float)));
    state.SetLabel("sum of the fp32 rows, " + std::to_string(threads) + " thread(s)");
}

} // namespace

// Grouped by corpus size so each corpus is built once and the engines compare in the same minutes.
int main(int argc, char** argv) {
    for (std::int64_t n : {100000, 1000000}) {
        for (std::int64_t q : {1, 64}) {
            std::vector<benchmark::internal::Benchmark*> group;
            if (q == 1) {
                group.push_back(benchmark::RegisterBenchmark("search/devos_fp32_1thread", searchDevos,
                                                             &Engines::fp32OneThread));
            }
            group.push_back(benchmark::RegisterBenchmark("search/devos_fp32", searchDevos, &Engines::fp32));
            group.push_back(benchmark::RegisterBenchmark("search/devos_fp16", searchDevos, &Engines::fp16));
            group.push_back(benchmark::RegisterBenchmark("search/faiss_flat_ip", searchFaiss));
            for (auto* b : group) {
                b->Args({n, q})
                    ->ArgNames({"n", "q"})
                    ->Unit(benchmark::kMillisecond)
                    ->UseRealTime()
                    ->MinTime(1.0);
            }
        }
        for (std::int64_t threads : {1, 2}) {
            benchmark::RegisterBenchmark("memory/read_bandwidth", readBandwidth)
                ->Args({n, threads})
                ->ArgNames({"n", "threads"})
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime()
                ->MinTime(1.0);
        }
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
