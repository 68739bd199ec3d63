#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/metric_sample.hpp>
#include <span>

namespace devos::ports {

// Sends metric samples (the metrics_samples rows) to an external collector (best effort: the store
// stays the record).
class MetricExporter {
public:
    virtual ~MetricExporter() = default;
    // Sends every sample; Unavailable when the collector cannot be reached or refuses them.
    [[nodiscard]] virtual contracts::Expected<void>
    exportMetrics(std::span<const contracts::MetricSample> samples) = 0;
};

} // namespace devos::ports
