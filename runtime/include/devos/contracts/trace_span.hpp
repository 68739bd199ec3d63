#pragma once
#include <map>
#include <string>

namespace devos::contracts {

// One finished span of a trace (OpenTelemetry's model): e.g. a self-heal attempt and one span per
// loop step under it. Ids are lower-case hex: traceId 32 digits, spanId and parentSpanId 16 (empty
// parent: a root span). Times are nanoseconds since the Unix epoch.
struct TraceSpan {
    std::string traceId;
    std::string spanId;
    std::string parentSpanId;
    std::string name;
    long long startNanos = 0;
    long long endNanos = 0;
    std::map<std::string, std::string> attributes;
    bool failed = false;       // the status is ERROR with statusMessage, else OK
    std::string statusMessage; // why it failed

    bool operator==(const TraceSpan&) const = default;
};

} // namespace devos::contracts
