#include "logic/pricing.hpp"

#include "adapters/db.hpp"

#include <chrono>
#include <cstdlib>

long stamped() {
    return std::chrono::system_clock::now().time_since_epoch().count();
}

long discounted(long cents) {
    const char* rate = std::getenv("DISCOUNT");
    return rate ? cents * 9 / 10 : cents;
}

long fromAdapter() {
    return current_epoch_seconds();
}
