#pragma once
#include <devos/contracts/ulid.hpp>
#include <map>
#include <string>

namespace devos::contracts {

// Who produced an event (seed §5.1).
enum class EventSource { Ci, Runtime, Agent, User };
// How severe it is.
enum class EventKind { Error, Warn, Info };

// One telemetry record (seed §5.1), stored in application_logs. Message and payload are redacted
// before they are stored or leave the process.
struct TelemetryEvent {
    Ulid id;            // empty: the client assigns one
    EpochMillis ts = 0; // 0: the client stamps it
    EventSource source = EventSource::Runtime;
    EventKind kind = EventKind::Info;
    std::string code; // e.g. "TEST_FAILURE", "POLICY_VIOLATION"; may be empty
    std::string message;
    std::string traceId; // may be empty
    std::map<std::string, std::string> tags;
    std::string payloadJson; // a JSON document or empty

    bool operator==(const TelemetryEvent&) const = default;
};

// Stable lower-case names ("ci", "error" ...) used in storage and JSON.
[[nodiscard]] const char* sourceName(EventSource s);
[[nodiscard]] const char* kindName(EventKind k);
// Inverse of sourceName/kindName; false when the name is unknown.
[[nodiscard]] bool parseSource(const std::string& name, EventSource& out);
[[nodiscard]] bool parseKind(const std::string& name, EventKind& out);

} // namespace devos::contracts
