#pragma once
#include <devos/contracts/error.hpp>
#include <devos/logic/heal_report.hpp>
#include <devos/ports/metric_exporter.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <optional>
#include <string>

namespace devos::services {

// `devos heal report` (issue 13 part 5): reads the attempts, fixes, failures and step samples of the
// window from the store, aggregates them with logic::buildHealReport, and records the numbers as
// selfheal.report.* metrics_samples rows tagged with the window, also sent to the metric exporter
// (OTLP) when there is one.
class HealReporter {
public:
    HealReporter(ports::TelemetryStore& store, IdGenerator& ids, ports::MetricExporter* exporter = nullptr)
        : store_(store), ids_(ids), exporter_(exporter) {}

    // The report of the attempts at or after `since`; `window` names it in the rows' tags.
    [[nodiscard]] contracts::Expected<logic::HealReport> report(contracts::EpochMillis since,
                                                                const std::string& window);

    // Why the last report's rows did not reach the metric exporter; empty when they did or there is none.
    [[nodiscard]] const std::optional<contracts::Error>& exportFailure() const { return exportFailure_; }

private:
    ports::TelemetryStore& store_;
    IdGenerator& ids_;
    ports::MetricExporter* exporter_;
    std::optional<contracts::Error> exportFailure_;
};

} // namespace devos::services
