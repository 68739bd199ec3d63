#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/trace_span.hpp>
#include <span>

namespace devos::ports {

// Sends finished spans to an external collector (best effort: the store stays the record).
class SpanExporter {
public:
    virtual ~SpanExporter() = default;
    // Sends every span; Unavailable when the collector cannot be reached or refuses them.
    [[nodiscard]] virtual contracts::Expected<void>
    exportSpans(std::span<const contracts::TraceSpan> spans) = 0;
};

} // namespace devos::ports
