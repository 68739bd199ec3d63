#pragma once
#include <devos/contracts/error.hpp>
#include <devos/logic/heal_report.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <string>

namespace devos::services {

// `devos heal report` (issue 13 part 5): reads the attempts, fixes, failures and step samples of the
// window from the store, aggregates them with logic::buildHealReport, and records the numbers as
// selfheal.report.* metrics_samples rows tagged with the window.
class HealReporter {
public:
    HealReporter(ports::TelemetryStore& store, IdGenerator& ids) : store_(store), ids_(ids) {}

    // The report of the attempts at or after `since`; `window` names it in the rows' tags.
    [[nodiscard]] contracts::Expected<logic::HealReport> report(contracts::EpochMillis since,
                                                                const std::string& window);

private:
    ports::TelemetryStore& store_;
    IdGenerator& ids_;
};

} // namespace devos::services
