#pragma once
#include <devos/contracts/ulid.hpp>
#include <map>
#include <string>

namespace devos::contracts {

// One metrics_samples row (seed §5.3): a named value at a time with its tags, e.g.
// selfheal.step.millis{step=prove} or selfheal.report.acceptance_rate.
struct MetricSample {
    Ulid id;
    EpochMillis ts = 0;
    std::string name;
    double value = 0;
    std::map<std::string, std::string> tags;

    bool operator==(const MetricSample&) const = default;
};

} // namespace devos::contracts
