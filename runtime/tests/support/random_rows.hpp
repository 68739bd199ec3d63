#pragma once
#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

namespace devos::test {

// `count` rows of `dims` normally distributed floats, the same for the same seed: the corpus and
// queries of the vector index tests (CPU and CUDA compare against each other on it).
inline std::vector<float> randomRows(std::size_t count, std::size_t dims, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> rows(count * dims);
    std::generate(rows.begin(), rows.end(), [&] { return normal(rng); });
    return rows;
}

} // namespace devos::test
