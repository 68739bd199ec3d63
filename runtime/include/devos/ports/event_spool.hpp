#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/telemetry_event.hpp>
#include <span>
#include <string>
#include <vector>

namespace devos::ports {

// Events written to disk while the store is down, as one unit of replay.
struct SpoolChunk {
    std::string name; // identifies the chunk for remove()
    std::vector<contracts::TelemetryEvent> events;
};

// Durable holding area for events that could not be stored; replayed in order once the store is back.
class EventSpool {
public:
    virtual ~EventSpool() = default;
    // Writes the events as one chunk; a crash leaves either the whole chunk or none of it.
    [[nodiscard]] virtual contracts::Expected<void>
    append(std::span<const contracts::TelemetryEvent> events) = 0;
    // Every chunk not yet removed, oldest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<SpoolChunk>> pending() = 0;
    // Deletes a chunk after its events were stored.
    [[nodiscard]] virtual contracts::Expected<void> remove(const SpoolChunk& chunk) = 0;
};

} // namespace devos::ports
