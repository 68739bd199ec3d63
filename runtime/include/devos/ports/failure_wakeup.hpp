#pragma once
#include <chrono>
#include <devos/contracts/error.hpp>

namespace devos::ports {

// What wakes the self-heal daemon (issue 13 part 1): PostgreSQL's LISTEN devos_failures, or a timer
// for SQLite (polling). Every wait returns early when a stop is requested.
class FailureWakeup {
public:
    virtual ~FailureWakeup() = default;
    // Waits up to `timeout`; true when a new failure was announced, false on timeout or a stop.
    // Unavailable when the notification connection is lost; the next call reconnects.
    [[nodiscard]] virtual contracts::Expected<bool> wait(std::chrono::milliseconds timeout) = 0;
};

} // namespace devos::ports
