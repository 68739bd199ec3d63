#include "logic/total.hpp"

#include <numeric>

namespace consumer {
long total(const std::vector<long>& cents) {
    return std::accumulate(cents.begin(), cents.end(), 0L);
}
} // namespace consumer
