#include <devos/adapters/polling_wakeup.hpp>
#include <poll.h>
#include <thread>

namespace devos::adapters {

contracts::Expected<bool> PollingWakeup::wait(std::chrono::milliseconds timeout) {
    if (interruptFd_ < 0) {
        std::this_thread::sleep_for(timeout);
        return false;
    }
    pollfd fd{interruptFd_, POLLIN, 0};
    (void)::poll(&fd, 1, static_cast<int>(timeout.count()));
    return false;
}

} // namespace devos::adapters
