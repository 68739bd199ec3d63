// GPU top-k selection: k rounds of a block-wide arg-best over per-thread bests (selectTopK below).
// Ranking is total — score desc, id asc, row asc — so results never depend on thread timing and
// match the CPU's order.
#include "cuda_vector_index.cuh"

#include <cfloat>

namespace devos::adapters::cuda {
namespace {

constexpr int kThreads = 256;

__device__ bool better(Candidate a, Candidate b, const std::uint64_t* ids) {
    if (a.row == kNoRow || a.row == b.row) { // the same row is never better than itself: no id lookup
        return false;
    }
    if (b.row == kNoRow) {
        return true;
    }
    if (a.score != b.score) {
        return a.score > b.score;
    }
    const std::uint64_t ia = ids[a.row];
    const std::uint64_t ib = ids[b.row];
    return ia != ib ? ia < ib : a.row < b.row;
}

__device__ Candidate warpBest(Candidate c, const std::uint64_t* ids) {
    for (int offset = 16; offset > 0; offset /= 2) {
        Candidate other{__shfl_down_sync(0xffffffffU, c.score, offset),
                        __shfl_down_sync(0xffffffffU, c.row, offset)};
        if (better(other, c, ids)) {
            c = other;
        }
    }
    return c;
}

// Selects the k best of n inputs (get(i) yields input i) into out[0..k), padding with kNoRow.
//
// Each thread owns inputs threadIdx.x, threadIdx.x + blockDim.x, ... and keeps the best of those not yet
// taken. A round reduces these to the block's best (warp shuffles, then one warp over the warp winners)
// and writes it out; only the thread that owned the winner looks again, for its best ranked after it.
// So a round costs two reductions and one thread's rescan, not a scan by every thread. The first
// kCached inputs of each thread sit in registers: a 4096-row chunk is held whole by 256 threads.
constexpr int kCached = 16;

template <typename Get> struct Owned {
    Candidate cache[kCached];
    std::size_t uncachedFrom;
    std::size_t n;
    Get get;
    float threshold;

    // This thread's best input ranked strictly after `previous` (everything, when previous is empty).
    __device__ Candidate bestAfter(Candidate previous, const std::uint64_t* ids) const {
        Candidate best{-FLT_MAX, kNoRow};
#pragma unroll
        for (int j = 0; j < kCached; ++j) {
            const Candidate c = cache[j];
            if ((previous.row == kNoRow || better(previous, c, ids)) && better(c, best, ids)) {
                best = c;
            }
        }
        for (std::size_t i = uncachedFrom + threadIdx.x; i < n; i += blockDim.x) {
            const Candidate c = get(i);
            if (c.score >= threshold && (previous.row == kNoRow || better(previous, c, ids)) &&
                better(c, best, ids)) {
                best = c;
            }
        }
        return best;
    }
};

template <typename Get>
__device__ void selectTopK(std::size_t n, Get get, const std::uint64_t* ids, std::size_t k, float threshold,
                           Candidate* out) {
    __shared__ Candidate warpWinners[kThreads / 32];
    __shared__ Candidate winner;
    Owned<Get> owned{{}, static_cast<std::size_t>(kCached) * blockDim.x, n, get, threshold};
#pragma unroll
    for (int j = 0; j < kCached; ++j) {
        const std::size_t i = threadIdx.x + static_cast<std::size_t>(j) * blockDim.x;
        owned.cache[j] = Candidate{-FLT_MAX, kNoRow};
        if (i < n) {
            const Candidate c = get(i);
            if (c.score >= threshold) {
                owned.cache[j] = c;
            }
        }
    }
    Candidate mine = owned.bestAfter(Candidate{0.0F, kNoRow}, ids);
    for (std::size_t r = 0; r < k; ++r) {
        const Candidate warpWinner = warpBest(mine, ids);
        if (threadIdx.x % 32 == 0) {
            warpWinners[threadIdx.x / 32] = warpWinner;
        }
        __syncthreads();
        if (threadIdx.x < 32) {
            Candidate w =
                threadIdx.x < blockDim.x / 32 ? warpWinners[threadIdx.x] : Candidate{-FLT_MAX, kNoRow};
            w = warpBest(w, ids);
            if (threadIdx.x == 0) {
                winner = w;
                out[r] = w;
            }
        }
        __syncthreads(); // winner is written; warpWinners may be rewritten next round
        const Candidate taken = winner;
        if (taken.row == kNoRow) {
            for (std::size_t rest = r + 1 + threadIdx.x; rest < k; rest += blockDim.x) {
                out[rest] = Candidate{-FLT_MAX, kNoRow};
            }
            return;
        }
        if (mine.row == taken.row) {
            mine = owned.bestAfter(taken, ids);
        }
    }
}

__global__ void tileSelect(const float* scores, std::size_t ldScores, std::size_t rows, std::size_t tileBegin,
                           const std::uint64_t* ids, std::size_t k, float threshold, Candidate* out,
                           std::size_t outStride) {
    const std::size_t chunk = blockIdx.x;
    const std::size_t query = blockIdx.y;
    const std::size_t first = chunk * kChunkRows;
    const std::size_t n = rows - first < kChunkRows ? rows - first : kChunkRows;
    const float* column = scores + query * ldScores + first;
    const auto rowBase = static_cast<std::uint32_t>(tileBegin + first);
    auto get = [=](std::size_t i) { return Candidate{column[i], rowBase + static_cast<std::uint32_t>(i)}; };
    selectTopK(n, get, ids, k, threshold, out + query * outStride + (tileBegin / kChunkRows + chunk) * k);
}

__global__ void mergeSelect(const Candidate* candidates, std::size_t perQuery, const std::uint64_t* ids,
                            std::size_t k, Candidate* out) {
    const Candidate* mine = candidates + blockIdx.x * perQuery;
    auto get = [=](std::size_t i) { return mine[i]; };
    selectTopK(perQuery, get, ids, k, -FLT_MAX, out + blockIdx.x * k);
}

} // namespace

cudaError_t launchTileSelect(const float* scores, std::size_t ldScores, std::size_t rows,
                             std::size_t tileBegin, std::size_t queries, const std::uint64_t* ids,
                             std::size_t k, float threshold, Candidate* out, std::size_t outStride,
                             cudaStream_t stream) {
    const dim3 grid(static_cast<unsigned>((rows + kChunkRows - 1) / kChunkRows),
                    static_cast<unsigned>(queries));
    tileSelect<<<grid, kThreads, 0, stream>>>(scores, ldScores, rows, tileBegin, ids, k, threshold, out,
                                              outStride);
    return cudaGetLastError();
}

cudaError_t launchMergeSelect(const Candidate* candidates, std::size_t perQuery, std::size_t queries,
                              const std::uint64_t* ids, std::size_t k, Candidate* out, cudaStream_t stream) {
    mergeSelect<<<static_cast<unsigned>(queries), kThreads, 0, stream>>>(candidates, perQuery, ids, k, out);
    return cudaGetLastError();
}

} // namespace devos::adapters::cuda
