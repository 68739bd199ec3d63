// One worker thread owns all I/O. It wakes when a batch is full, a flush is asked for, the flush
// interval passes, or the client stops; it takes at most one batch per turn. When the store
// fails, the batch goes to the spool and the store is left alone until retryInterval has passed;
// the next successful turn first replays the spool, oldest chunk first, deleting each chunk only
// after the store accepted it. A crash between "stored" and "deleted" replays the chunk again,
// which the store ignores (idempotent on ULIDs): nothing lost, nothing doubled.
#include <devos/services/telemetry_client.hpp>

namespace devos::services {

TelemetryClient::TelemetryClient(ports::TelemetryStore& store, ports::EventSpool& spool,
                                 const ports::Redactor& redactor, IdGenerator& ids,
                                 TelemetryClientOptions options, ports::EventExporter* exporter)
    : store_(store), spool_(spool), redactor_(redactor), ids_(ids), options_(options), exporter_(exporter) {
    worker_ = std::thread([this] { run(); });
}

TelemetryClient::~TelemetryClient() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

bool TelemetryClient::record(contracts::TelemetryEvent event) {
    if (event.id.empty())
        event.id = ids_.next();
    if (event.ts == 0)
        event.ts = ids_.now();
    bool wakeWorker;
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= options_.queueCapacity) {
            ++stats_.dropped;
            return false;
        }
        queue_.push_back(std::move(event));
        ++stats_.recorded;
        wakeWorker = queue_.size() >= options_.batchSize;
    }
    if (wakeWorker)
        wake_.notify_one();
    return true;
}

void TelemetryClient::flush() {
    std::unique_lock lock(mutex_);
    std::uint64_t ticket = ++flushRequests_;
    wake_.notify_one();
    idle_.wait(lock, [&] { return flushesDone_ >= ticket; });
}

TelemetryClientStats TelemetryClient::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void TelemetryClient::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait_for(lock, options_.flushInterval, [&] {
            return stopping_ || queue_.size() >= options_.batchSize || flushRequests_ > flushesDone_;
        });
        std::uint64_t flushTarget = flushRequests_;
        bool drainAll = stopping_ || flushTarget > flushesDone_;
        do {
            std::vector<contracts::TelemetryEvent> batch;
            while (!queue_.empty() && batch.size() < options_.batchSize) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            lock.unlock();
            writeBatch(std::move(batch));
            lock.lock();
        } while (drainAll && !queue_.empty());
        if (drainAll) {
            flushesDone_ = flushTarget;
            idle_.notify_all();
        }
        if (stopping_ && queue_.empty())
            return;
    }
}

void TelemetryClient::writeBatch(std::vector<contracts::TelemetryEvent> batch) {
    for (auto& e : batch) {
        e.message = redactor_.redact(e.message);
        e.payloadJson = redactor_.redact(e.payloadJson);
        for (auto& [key, value] : e.tags)
            value = redactor_.redact(value);
    }
    if (exporter_ != nullptr && !batch.empty()) {
        const bool exported = exporter_->exportEvents(batch).has_value();
        std::lock_guard lock(mutex_);
        (exported ? stats_.exported : stats_.exportFailed) += batch.size();
    }
    bool mayTry;
    {
        std::lock_guard lock(mutex_);
        mayTry = !storeDown_ || std::chrono::steady_clock::now() >= nextRetry_;
    }
    if (mayTry && replaySpool()) {
        if (batch.empty())
            return;
        if (auto stored = store_.recordEvents(batch)) {
            std::lock_guard lock(mutex_);
            stats_.stored += *stored;
            return;
        }
        std::lock_guard lock(mutex_);
        storeDown_ = true;
        nextRetry_ = std::chrono::steady_clock::now() + options_.retryInterval;
    }
    if (batch.empty())
        return;
    bool spooled = spool_.append(batch).has_value();
    spoolMayHoldEvents_ = spoolMayHoldEvents_ || spooled;
    std::lock_guard lock(mutex_);
    (spooled ? stats_.spooled : stats_.lost) += batch.size();
}

bool TelemetryClient::replaySpool() {
    if (!spoolMayHoldEvents_)
        return true;
    auto chunks = spool_.pending();
    bool ok = chunks.has_value();
    for (std::size_t i = 0; ok && i < chunks->size(); ++i) {
        auto stored = store_.recordEvents((*chunks)[i].events);
        ok = stored && spool_.remove((*chunks)[i]).has_value();
        if (stored) {
            std::lock_guard lock(mutex_);
            stats_.stored += *stored;
        }
    }
    spoolMayHoldEvents_ = !ok;
    std::lock_guard lock(mutex_);
    storeDown_ = !ok;
    if (!ok)
        nextRetry_ = std::chrono::steady_clock::now() + options_.retryInterval;
    return ok;
}

} // namespace devos::services
