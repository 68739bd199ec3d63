#pragma once
#include <devos/contracts/error.hpp>
#include <devos/entrypoints/telemetry.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/telemetry_client.hpp>
#include <memory>
#include <optional>
#include <string>

namespace devos::entrypoints {

// Where a service's telemetry goes. Empty fields come from the environment: DEVOS_DATABASE_URL
// (a shared PostgreSQL), DEVOS_OTLP_ENDPOINT and OTEL_SERVICE_NAME (an OpenTelemetry collector),
// DEVOS_GITLEAKS_CONFIG (a gitleaks configuration whose rules the redactor adds).
struct ServiceTelemetryOptions {
    std::string dataDir = ".devos";            // the SQLite file (telemetry.db) and the spool (spool/)
    std::optional<std::string> databaseUrl;    // unset: DEVOS_DATABASE_URL; "" forces the SQLite file
    std::optional<std::string> otlpEndpoint;   // unset: DEVOS_OTLP_ENDPOINT; "" exports nothing
    std::string serviceName;                   // empty: OTEL_SERVICE_NAME, else "devos"
    std::optional<std::string> gitleaksConfig; // unset: DEVOS_GITLEAKS_CONFIG; "" the built-in rules alone
    services::TelemetryClientOptions client;
};

// Everything a service needs to record telemetry, wired once at start-up: entrypoints::Telemetry
// without search (the store, migrated; the redactor of the built-in secret rules and the gitleaks
// configuration's; ULID ids; an optional OTLP exporter), the disk spool, and the non-blocking
// TelemetryClient over them. Destroying it flushes what is still queued.
//
//   auto telemetry = devos::entrypoints::ServiceTelemetry::open({});
//   if (!telemetry) { log(telemetry.error().render()); ... }
//   (*telemetry)->client().record({.kind = devos::contracts::EventKind::Error, .message = "..."});
class ServiceTelemetry {
public:
    [[nodiscard]] static contracts::Expected<std::unique_ptr<ServiceTelemetry>>
    open(ServiceTelemetryOptions options);
    ~ServiceTelemetry();
    ServiceTelemetry(const ServiceTelemetry&) = delete;
    ServiceTelemetry& operator=(const ServiceTelemetry&) = delete;

    [[nodiscard]] services::TelemetryClient& client() { return *client_; }
    // The store itself, for reading back (counts, recent events).
    [[nodiscard]] ports::TelemetryStore& store() { return telemetry_->store(); }
    // "PostgreSQL" or the SQLite file's path.
    [[nodiscard]] const std::string& storeName() const { return telemetry_->storeName(); }

private:
    ServiceTelemetry() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;                      // the spool
    std::unique_ptr<Telemetry> telemetry_;              // the store, redactor, ids and exporter
    std::unique_ptr<services::TelemetryClient> client_; // last: stopped before what it uses
};

} // namespace devos::entrypoints
