#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/spool_chunk.hpp>
#include <devos/contracts/telemetry_event.hpp>
#include <span>
#include <vector>

namespace devos::ports {

// Durable holding area for events that could not be stored; replayed in order once the store is back.
class EventSpool {
public:
    virtual ~EventSpool() = default;
    // Writes the events as one chunk; a crash leaves either the whole chunk or none of it.
    [[nodiscard]] virtual contracts::Expected<void>
    append(std::span<const contracts::TelemetryEvent> events) = 0;
    // Every chunk not yet removed, oldest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::SpoolChunk>> pending() = 0;
    // Deletes a chunk after its events were stored.
    [[nodiscard]] virtual contracts::Expected<void> remove(const contracts::SpoolChunk& chunk) = 0;
};

} // namespace devos::ports
