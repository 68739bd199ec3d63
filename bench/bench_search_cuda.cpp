// Exact top-10 search on a CUDA device vs the HBM bandwidth bound, with DevOS's CPU index and FAISS
// IndexFlatIP on the same machine's cores in the same run. d = 1024, uniform random unit vectors,
// threshold off (every row competes).
//
// For each corpus size and query count it prints one markdown row per engine: the median and best
// wall time of search() (what a caller waits for: query upload, GEMM, top-k, result download), and
// for the GPU the corpus bytes read per search over that time, as a share of (a) the device-to-device
// copy bandwidth measured here (what the memory actually delivers) and (b) the memory's rated peak.
// Before timing, DevOS fp32 (GPU and CPU) must return FAISS's ids in FAISS's order for every query.
//
// usage: devos_bench_search_cuda [rows ...]      (default: 100000 1000000)
//        devos_bench_search_cuda --profile [rows]  (GPU only, three searches per shape: for ncu, which
//                                                   times each kernel and counts the DRAM bytes it read)
#include "random_unit_rows.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime_api.h>
#include <devos/adapters/cpu_vector_index.hpp>
#include <devos/adapters/cuda_vector_index.hpp>
#include <faiss/IndexFlat.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace bench = devos::bench;
using devos::adapters::CpuVectorIndex;
using devos::adapters::CpuVectorIndexOptions;
using devos::contracts::EmbeddingMatrix;
using devos::contracts::VectorStorage;
using devos::ports::VectorIndex;

constexpr std::size_t kDims = 1024;
constexpr std::size_t kK = 10;
constexpr const char* kModel = "bench";

using bench::FastRandom;

void randomUnitRows(FastRandom& rng, std::vector<float>& rows) {
    bench::randomUnitRows(rng, rows, kDims);
}

[[noreturn]] void die(const std::string& why) {
    std::fprintf(stderr, "devos_bench_search_cuda: %s\n", why.c_str());
    std::exit(1);
}

// Bytes per second a device-to-device copy moves (read + write), the best of 10 copies of 1 GiB.
double measuredCopyBandwidth() {
    constexpr std::size_t kBytes = std::size_t{1} << 30;
    void* from = nullptr;
    void* to = nullptr;
    if (cudaMalloc(&from, kBytes) != cudaSuccess || cudaMalloc(&to, kBytes) != cudaSuccess) {
        die("cudaMalloc of the bandwidth probe failed");
    }
    cudaEvent_t start = nullptr;
    cudaEvent_t stop = nullptr;
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    float best = 1e30F;
    for (int i = 0; i < 10; ++i) {
        cudaEventRecord(start);
        cudaMemcpy(to, from, kBytes, cudaMemcpyDeviceToDevice);
        cudaEventRecord(stop);
        cudaEventSynchronize(stop);
        float ms = 0;
        cudaEventElapsedTime(&ms, start, stop);
        best = std::min(best, ms);
    }
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    cudaFree(from);
    cudaFree(to);
    return 2.0 * static_cast<double>(kBytes) / (static_cast<double>(best) / 1e3);
}

// The memory's rated peak from the device attributes (double data rate x bus width), 0 if unknown.
double ratedBandwidth() {
    int clockKHz = 0;
    int busBits = 0;
    if (cudaDeviceGetAttribute(&clockKHz, cudaDevAttrMemoryClockRate, 0) != cudaSuccess ||
        cudaDeviceGetAttribute(&busBits, cudaDevAttrGlobalMemoryBusWidth, 0) != cudaSuccess) {
        return 0;
    }
    return 2.0 * clockKHz * 1e3 * busBits / 8.0;
}

struct Timing {
    double medianMs;
    double bestMs;
};

Timing timeSearches(const std::function<void()>& search, int iterations) {
    search(); // warm-up: first-touch and lazy cuBLAS setup are not what a repeated search costs
    search();
    std::vector<double> ms;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        search();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front()};
}

struct Corpus {
    std::unique_ptr<VectorIndex> gpuFp16;
    std::unique_ptr<VectorIndex> gpuFp32;
    std::unique_ptr<CpuVectorIndex> cpuFp32;
    std::unique_ptr<faiss::IndexFlatIP> faiss;
    std::vector<float> queries;
};

Corpus build(std::size_t n, std::size_t maxQueries, bool withCpu) {
    Corpus c;
    auto fp16 = devos::adapters::makeCudaVectorIndex(kDims, kModel, VectorStorage::Fp16);
    auto fp32 = devos::adapters::makeCudaVectorIndex(kDims, kModel, VectorStorage::Fp32);
    if (!fp16 || !fp32) {
        die("no usable CUDA device: " + (fp16 ? fp32.error().message : fp16.error().message));
    }
    c.gpuFp16 = std::move(*fp16);
    c.gpuFp32 = std::move(*fp32);
    c.cpuFp32 =
        std::make_unique<CpuVectorIndex>(kDims, kModel, CpuVectorIndexOptions{VectorStorage::Fp32, 0});
    c.faiss = std::make_unique<faiss::IndexFlatIP>(kDims);
    FastRandom rng{42};
    bench::forEachCorpusChunk(n, kDims, rng,
                              [&](const std::vector<std::uint64_t>& ids, const std::vector<float>& rows) {
                                  const EmbeddingMatrix matrix{kModel, kDims, rows};
                                  if (!c.gpuFp16->add(ids, matrix) || !c.gpuFp32->add(ids, matrix) ||
                                      (withCpu && !c.cpuFp32->add(ids, matrix))) {
                                      die("add failed");
                                  }
                                  if (withCpu) {
                                      c.faiss->add(static_cast<faiss::Index::idx_t>(ids.size()), rows.data());
                                  }
                              });
    c.queries.resize(maxQueries * kDims);
    randomUnitRows(rng, c.queries);
    return c;
}

void expectFaissIds(const VectorIndex& index, const Corpus& c, std::size_t q) {
    const EmbeddingMatrix queries{kModel, kDims, std::span(c.queries).first(q * kDims)};
    const auto hits = index.search(queries, kK, -1.0F);
    if (!hits) {
        die(std::string(index.backend()) + " search failed: " + hits.error().message);
    }
    std::vector<float> scores(q * kK);
    std::vector<faiss::Index::idx_t> labels(q * kK);
    c.faiss->search(static_cast<faiss::Index::idx_t>(q), c.queries.data(), kK, scores.data(), labels.data());
    for (std::size_t i = 0; i < q; ++i) {
        for (std::size_t r = 0; r < kK; ++r) {
            if (hits->at(i).size() != kK ||
                hits->at(i)[r].id != static_cast<std::uint64_t>(labels[i * kK + r])) {
                die(std::string(index.backend()) + " differs from FAISS at query " + std::to_string(i) +
                    " rank " + std::to_string(r));
            }
        }
    }
}

void printRow(std::size_t n, std::size_t q, const std::string& engine, Timing t, double bytes, double copyBw,
              double ratedBw, double faissMedian) {
    std::string bound = "—";
    if (bytes > 0) {
        const double gbps = bytes / (t.medianMs / 1e3);
        char text[128];
        std::snprintf(text, sizeof text, "%.0f GB/s: %.0f%% of copy, %.0f%% of rated", gbps / 1e9,
                      100.0 * gbps / copyBw, ratedBw > 0 ? 100.0 * gbps / ratedBw : 0.0);
        bound = text;
    }
    std::printf("| %zuk | %zu | %s | %.3f ms | %.3f ms | %s | %.1fx |\n", n / 1000, q, engine.c_str(),
                t.medianMs, t.bestMs, bound.c_str(), faissMedian / t.medianMs);
}

int profile(std::size_t n) {
    const Corpus c = build(n, 64, false);
    const std::size_t queryCounts[] = {1, 64};
    for (const VectorIndex* index : {c.gpuFp16.get(), c.gpuFp32.get()}) {
        for (const std::size_t q : queryCounts) {
            const EmbeddingMatrix queries{kModel, kDims, std::span(c.queries).first(q * kDims)};
            for (int i = 0; i < 3; ++i) {
                if (!index->search(queries, kK, -1.0F)) {
                    die("search failed");
                }
            }
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--profile") {
        return profile(argc > 2 ? static_cast<std::size_t>(std::strtoull(argv[2], nullptr, 10)) : 1000000);
    }
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i) {
        sizes.push_back(static_cast<std::size_t>(std::strtoull(argv[i], nullptr, 10)));
    }
    if (sizes.empty()) {
        sizes = {100000, 1000000};
    }
    if (devos::adapters::cudaVectorDeviceCount() == 0) {
        std::printf("no CUDA device: nothing to measure\n");
        return 77;
    }
    cudaDeviceProp prop{};
    cudaGetDeviceProperties(&prop, 0);
    const double copyBw = measuredCopyBandwidth();
    const double ratedBw = ratedBandwidth();
    std::printf("device: %s, %d SMs; device-to-device copy %.0f GB/s (read + write), rated %.0f GB/s\n\n",
                prop.name, prop.multiProcessorCount, copyBw / 1e9, ratedBw / 1e9);
    std::printf(
        "| N | queries | engine | median | best | GPU corpus read vs bandwidth | speed-up vs FAISS |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    const std::size_t queryCounts[] = {1, 64};
    for (const std::size_t n : sizes) {
        const Corpus c = build(n, 64, true);
        for (const std::size_t q : queryCounts) {
            expectFaissIds(*c.gpuFp32, c, q);
            expectFaissIds(*c.cpuFp32, c, q);
            const EmbeddingMatrix queries{kModel, kDims, std::span(c.queries).first(q * kDims)};
            std::vector<float> scores(q * kK);
            std::vector<faiss::Index::idx_t> labels(q * kK);
            const Timing faiss = timeSearches(
                [&] {
                    c.faiss->search(static_cast<faiss::Index::idx_t>(q), c.queries.data(), kK, scores.data(),
                                    labels.data());
                },
                5);
            auto run = [&](const VectorIndex& index, int iterations) {
                return timeSearches([&] { (void)index.search(queries, kK, -1.0F); }, iterations);
            };
            const double rows = static_cast<double>(n * kDims);
            printRow(n, q, "DevOS cuda-fp16", run(*c.gpuFp16, 50), rows * 2, copyBw, ratedBw, faiss.medianMs);
            printRow(n, q, "DevOS cuda-fp32", run(*c.gpuFp32, 50), rows * 4, copyBw, ratedBw, faiss.medianMs);
            printRow(n, q, "DevOS cpu-fp32, all cores", run(*c.cpuFp32, 5), 0, copyBw, ratedBw,
                     faiss.medianMs);
            printRow(n, q, "FAISS IndexFlatIP", faiss, 0, copyBw, ratedBw, faiss.medianMs);
            std::fflush(stdout);
        }
    }
    return 0;
}
