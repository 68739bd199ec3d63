#pragma once
#include <atomic>
#include <devos/ports/event_spool.hpp>
#include <string>

namespace devos::adapters {

// A spool folder (by convention `.devos/spool/`) of `*.jsonl` files, one event per line; each
// chunk is written to a temporary name and renamed, so a crash never leaves half a chunk.
class JsonlSpool final : public ports::EventSpool {
public:
    explicit JsonlSpool(std::string directory) : directory_(std::move(directory)) {}

    [[nodiscard]] contracts::Expected<void>
    append(std::span<const contracts::TelemetryEvent> events) override;
    [[nodiscard]] contracts::Expected<std::vector<contracts::SpoolChunk>> pending() override;
    [[nodiscard]] contracts::Expected<void> remove(const contracts::SpoolChunk& chunk) override;

private:
    std::string directory_;
    std::atomic<unsigned long long> sequence_{0};
};

} // namespace devos::adapters
