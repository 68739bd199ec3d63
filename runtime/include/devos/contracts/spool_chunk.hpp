#pragma once
#include <devos/contracts/telemetry_event.hpp>
#include <string>
#include <vector>

namespace devos::contracts {

// Events written to disk while the store is down, as one unit of replay.
struct SpoolChunk {
    std::string name; // identifies the chunk for EventSpool::remove()
    std::vector<TelemetryEvent> events;
};

} // namespace devos::contracts
