// GPU top-k selection over 64-bit keys (cuda_vector_index.cuh): k rounds of a block-wide arg-max.
//
// Each thread owns inputs threadIdx.x, threadIdx.x + blockDim.x, ... and keeps the largest key among
// those not yet taken. A round reduces these to the block's largest (warp shuffles, then one warp over
// the warp winners) and writes it out; only the thread that owned the winner looks again, for its
// largest key below the winner's. Keys are unique (ranks are), so a round costs two reductions of
// integer maxima and one thread's rescan. The first kCached inputs of each thread sit in registers: a
// 4096-row chunk is held whole by 256 threads; inputs beyond that (a merge over more than 1.6M rows
// at k = 10) are read again by the owner's rescan.
#include "cuda_vector_index.cuh"

namespace devos::adapters::cuda {
namespace {

constexpr int kThreads = 256;
constexpr int kCached = 16;

__device__ Key makeKey(float score, std::uint32_t rank) {
    const std::uint32_t bits = __float_as_uint(score);
    const std::uint32_t ordered = (bits & 0x80000000U) != 0 ? ~bits : bits | 0x80000000U;
    return (static_cast<Key>(ordered) << 32) | (0xffffffffU - rank);
}

__device__ Key warpMax(Key key) {
    for (int offset = 16; offset > 0; offset /= 2) {
        const Key other = __shfl_down_sync(0xffffffffU, key, offset);
        key = other > key ? other : key;
    }
    return key;
}

// Writes the k largest keys of n inputs (get(i) yields input i's key, kNoKey to skip it) to out[0..k),
// largest first, padded with kNoKey.
template <typename Get> __device__ void selectTopK(std::size_t n, Get get, std::size_t k, Key* out) {
    __shared__ Key warpWinners[kThreads / 32];
    __shared__ Key winner;
    Key cache[kCached];
#pragma unroll
    for (int j = 0; j < kCached; ++j) {
        const std::size_t i = threadIdx.x + static_cast<std::size_t>(j) * blockDim.x;
        cache[j] = i < n ? get(i) : kNoKey;
    }
    const std::size_t uncachedFrom = static_cast<std::size_t>(kCached) * blockDim.x;
    // This thread's largest key below `limit`.
    auto largestBelow = [&](Key limit) {
        Key best = kNoKey;
#pragma unroll
        for (int j = 0; j < kCached; ++j) {
            best = cache[j] < limit && cache[j] > best ? cache[j] : best;
        }
        for (std::size_t i = uncachedFrom + threadIdx.x; i < n; i += blockDim.x) {
            const Key c = get(i);
            best = c < limit && c > best ? c : best;
        }
        return best;
    };
    Key mine = largestBelow(~Key{0});
    for (std::size_t r = 0; r < k; ++r) {
        const Key warpWinner = warpMax(mine);
        if (threadIdx.x % 32 == 0) {
            warpWinners[threadIdx.x / 32] = warpWinner;
        }
        __syncthreads();
        if (threadIdx.x < 32) {
            const Key w = warpMax(threadIdx.x < blockDim.x / 32 ? warpWinners[threadIdx.x] : kNoKey);
            if (threadIdx.x == 0) {
                winner = w;
                out[r] = w;
            }
        }
        __syncthreads(); // winner is written; warpWinners may be rewritten next round
        const Key taken = winner;
        if (taken == kNoKey) {
            for (std::size_t rest = r + 1 + threadIdx.x; rest < k; rest += blockDim.x) {
                out[rest] = kNoKey;
            }
            return;
        }
        if (mine == taken) {
            mine = largestBelow(taken);
        }
    }
}

__global__ void tileSelect(const float* scores, std::size_t ldScores, std::size_t rows, std::size_t tileBegin,
                           const std::uint32_t* ranks, std::size_t k, float threshold, Key* out,
                           std::size_t outStride) {
    const std::size_t chunk = blockIdx.x;
    const std::size_t query = blockIdx.y;
    const std::size_t first = chunk * kChunkRows;
    const std::size_t n = rows - first < kChunkRows ? rows - first : kChunkRows;
    const float* column = scores + query * ldScores + first;
    const std::uint32_t* chunkRanks = ranks + tileBegin + first;
    auto get = [=](std::size_t i) {
        const float score = column[i];
        return score >= threshold ? makeKey(score, chunkRanks[i]) : kNoKey;
    };
    selectTopK(n, get, k, out + query * outStride + (tileBegin / kChunkRows + chunk) * k);
}

__global__ void mergeSelect(const Key* candidates, std::size_t perQuery, std::size_t k, Key* out) {
    const Key* mine = candidates + blockIdx.x * perQuery;
    auto get = [=](std::size_t i) { return mine[i]; };
    selectTopK(perQuery, get, k, out + blockIdx.x * k);
}

} // namespace

cudaError_t launchTileSelect(const float* scores, std::size_t ldScores, std::size_t rows,
                             std::size_t tileBegin, std::size_t queries, const std::uint32_t* ranks,
                             std::size_t k, float threshold, Key* out, std::size_t outStride,
                             cudaStream_t stream) {
    const dim3 grid(static_cast<unsigned>((rows + kChunkRows - 1) / kChunkRows),
                    static_cast<unsigned>(queries));
    tileSelect<<<grid, kThreads, 0, stream>>>(scores, ldScores, rows, tileBegin, ranks, k, threshold, out,
                                              outStride);
    return cudaGetLastError();
}

cudaError_t launchMergeSelect(const Key* candidates, std::size_t perQuery, std::size_t queries, std::size_t k,
                              Key* out, cudaStream_t stream) {
    mergeSelect<<<static_cast<unsigned>(queries), kThreads, 0, stream>>>(candidates, perQuery, k, out);
    return cudaGetLastError();
}

} // namespace devos::adapters::cuda
