#pragma once
#include <atomic>

namespace devos::adapters {

// SIGTERM and SIGINT as a stop request (the daemon's clean stop): the first sets requested() and makes
// fd() readable, so a wait on it returns at once. One per process; the handlers stay installed.
class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // Set once a signal arrived.
    [[nodiscard]] const std::atomic<bool>& requested() const;
    // Readable once a signal arrived (the read end of a self-pipe).
    [[nodiscard]] int fd() const;
};

} // namespace devos::adapters
