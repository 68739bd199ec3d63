#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/telemetry_event.hpp>
#include <span>

namespace devos::ports {

// Sends already-redacted events to an external collector (best effort: the store stays the record).
class EventExporter {
public:
    virtual ~EventExporter() = default;
    // Sends every event; Unavailable when the collector cannot be reached or refuses them.
    [[nodiscard]] virtual contracts::Expected<void>
    exportEvents(std::span<const contracts::TelemetryEvent> events) = 0;
};

} // namespace devos::ports
