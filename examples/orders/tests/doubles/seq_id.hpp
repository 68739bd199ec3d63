#pragma once

#include "ports/id_generator.hpp"

#include <string>
#include <utility>

namespace orders::doubles {

// An IdGenerator returning "<prefix>-1", "<prefix>-2", ...
class SeqId final : public ports::IdGenerator {
public:
    explicit SeqId(std::string prefix = "order") : prefix_(std::move(prefix)) {}

    [[nodiscard]] std::string nextId() override { return prefix_ + "-" + std::to_string(++issued_); }

private:
    std::string prefix_;
    int issued_ = 0;
};

} // namespace orders::doubles
