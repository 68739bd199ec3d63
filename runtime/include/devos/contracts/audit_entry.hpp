#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>

namespace devos::contracts {

// One audit_log row: every telemetry write leaves one (seed §5.4), kept for review of leaks.
struct AuditEntry {
    long long id = 0; // store-assigned, increasing
    EpochMillis ts = 0;
    std::string action; // "ingest_run", "record_events", "put_embedding"
    std::string tableName;
    long long rowCount = 0; // rows actually written (replays that were ignored do not count)
    std::string subject;    // the run id or first event id the write was about
};

} // namespace devos::contracts
