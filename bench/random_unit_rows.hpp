#pragma once
// The search benchmarks' corpus: uniform random unit vectors, generated fast enough for 1e9 floats.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace devos::bench {

// xorshift64*: a 1M x 1024 corpus is 1e9 floats; std::uniform_real_distribution would take minutes.
struct FastRandom {
    std::uint64_t state;
    float next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        const auto bits = static_cast<std::uint32_t>((state * 2685821657736338717ULL) >> 40); // 24 bits
        return static_cast<float>(bits) * (2.0F / 16777216.0F) - 1.0F;
    }
};

// Fills `rows` (rows.size() / dims rows) with uniform random vectors scaled to unit length.
inline void randomUnitRows(FastRandom& rng, std::vector<float>& rows, std::size_t dims) {
    for (std::size_t r = 0; r < rows.size() / dims; ++r) {
        float sum = 0;
        for (std::size_t i = 0; i < dims; ++i) {
            rows[r * dims + i] = rng.next();
            sum += rows[r * dims + i] * rows[r * dims + i];
        }
        for (std::size_t i = 0; i < dims; ++i) {
            rows[r * dims + i] /= std::sqrt(sum);
        }
    }
}

// Generates an n-row corpus of unit vectors (seed 42) in 64k-row chunks, so no full copy is kept:
// calls add(ids, rows) per chunk, ids counting up from 0. Every engine of a benchmark gets the same rows.
template <typename Add> void forEachCorpusChunk(std::size_t n, std::size_t dims, FastRandom& rng, Add add) {
    constexpr std::size_t kChunk = 65536;
    std::vector<float> rows;
    std::vector<std::uint64_t> ids;
    for (std::size_t first = 0; first < n; first += kChunk) {
        const std::size_t count = n - first < kChunk ? n - first : kChunk;
        rows.resize(count * dims);
        randomUnitRows(rng, rows, dims);
        ids.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            ids[i] = first + i;
        }
        add(ids, rows);
    }
}

} // namespace devos::bench
