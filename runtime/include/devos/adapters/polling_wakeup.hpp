#pragma once
#include <devos/ports/failure_wakeup.hpp>

namespace devos::adapters {

// The SQLite store's wakeup: no notifications, so every wait runs its whole timeout unless
// `interruptFd` (a stop request, see StopSignals; -1 for none) becomes readable.
class PollingWakeup final : public ports::FailureWakeup {
public:
    explicit PollingWakeup(int interruptFd) : interruptFd_(interruptFd) {}
    [[nodiscard]] contracts::Expected<bool> wait(std::chrono::milliseconds timeout) override;

private:
    int interruptFd_;
};

} // namespace devos::adapters
