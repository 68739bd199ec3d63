// A service's composition root with telemetry: records one error event per argument into the
// embedded store under <data-dir> and prints how many events the store holds.
#include <devos/entrypoints/service_telemetry.hpp>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: consumer_telemetry <data-dir> [message...]\n";
        return 2;
    }
    devos::entrypoints::ServiceTelemetryOptions options;
    options.dataDir = argv[1];
    options.databaseUrl = ""; // the embedded SQLite file, whatever DEVOS_DATABASE_URL says
    options.otlpEndpoint = "";
    auto telemetry = devos::entrypoints::ServiceTelemetry::open(options);
    if (!telemetry) {
        std::cerr << telemetry.error().render() << "\n";
        return 1;
    }
    for (int i = 2; i < argc; ++i) {
        devos::contracts::TelemetryEvent event;
        event.kind = devos::contracts::EventKind::Error;
        event.code = "CONSUMER";
        event.message = argv[i];
        (*telemetry)->client().record(std::move(event));
    }
    (*telemetry)->client().flush();
    auto count = (*telemetry)->store().count(devos::contracts::TelemetryTable::ApplicationLogs);
    if (!count) {
        std::cerr << count.error().render() << "\n";
        return 1;
    }
    std::cout << "stored events: " << *count << " in " << (*telemetry)->storeName() << "\n";
    return 0;
}
