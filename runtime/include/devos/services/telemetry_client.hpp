#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <devos/ports/event_exporter.hpp>
#include <devos/ports/event_spool.hpp>
#include <devos/ports/redactor.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <mutex>
#include <thread>

namespace devos::services {

// How the client batches and retries.
struct TelemetryClientOptions {
    std::size_t queueCapacity = 10000;             // record() drops beyond this many queued events
    std::size_t batchSize = 256;                   // events per store write
    std::chrono::milliseconds flushInterval{200};  // longest an event waits in the queue
    std::chrono::milliseconds retryInterval{1000}; // how often a down store is retried
};

// Counters for monitoring the client itself.
struct TelemetryClientStats {
    std::uint64_t recorded = 0;     // accepted by record()
    std::uint64_t dropped = 0;      // refused because the queue was full
    std::uint64_t stored = 0;       // written to the store (new rows)
    std::uint64_t spooled = 0;      // written to the spool while the store was down
    std::uint64_t lost = 0;         // could be neither stored nor spooled
    std::uint64_t exported = 0;     // sent to the exporter
    std::uint64_t exportFailed = 0; // the exporter refused or could not be reached (not retried)
};

// The telemetry client for services: record() never blocks on I/O. A background thread batches
// events, redacts them, and writes them to the store; while the store is down batches go to the
// spool, which is replayed first once the store answers again. Ids are ULIDs and the store ignores
// replayed ids, so an event is stored exactly once however often it is retried. With an exporter
// (e.g. OTLP), each redacted batch is also exported once, best effort, before it is stored.
class TelemetryClient {
public:
    TelemetryClient(ports::TelemetryStore& store, ports::EventSpool& spool, const ports::Redactor& redactor,
                    IdGenerator& ids, TelemetryClientOptions options = {},
                    ports::EventExporter* exporter = nullptr);
    // Stores or spools everything still queued, then stops the thread.
    ~TelemetryClient();
    TelemetryClient(const TelemetryClient&) = delete;
    TelemetryClient& operator=(const TelemetryClient&) = delete;

    // Queues an event (id and ts assigned when empty); false when the queue is full and it was dropped.
    bool record(contracts::TelemetryEvent event);
    // Blocks until every event queued before the call is stored or spooled, and the spool was
    // offered to the store once.
    void flush();
    [[nodiscard]] TelemetryClientStats stats() const;

private:
    void run();
    void writeBatch(std::vector<contracts::TelemetryEvent> batch);
    bool replaySpool();

    ports::TelemetryStore& store_;
    ports::EventSpool& spool_;
    const ports::Redactor& redactor_;
    IdGenerator& ids_;
    TelemetryClientOptions options_;
    ports::EventExporter* exporter_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<contracts::TelemetryEvent> queue_;
    std::uint64_t flushRequests_ = 0;
    std::uint64_t flushesDone_ = 0;
    bool stopping_ = false;
    TelemetryClientStats stats_;
    bool storeDown_ = false;
    std::chrono::steady_clock::time_point nextRetry_{};
    bool spoolMayHoldEvents_ = true; // worker thread only: false once a replay emptied the spool
    std::thread worker_;
};

} // namespace devos::services
