#include "adapters/counter_id_generator.hpp"

#include <utility>

namespace orders::adapters {

CounterIdGenerator::CounterIdGenerator(std::string prefix) : prefix_(std::move(prefix)) {}

std::string CounterIdGenerator::nextId() {
    return prefix_ + "-" + std::to_string(next_++);
}

} // namespace orders::adapters
