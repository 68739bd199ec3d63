#pragma once
#include <vector>

namespace consumer {
// The sum of the prices, in cents.
long total(const std::vector<long>& cents);
} // namespace consumer
