// A self-pipe: the handler only stores the flag and writes one byte (both async-signal-safe).
#include <csignal>
#include <devos/adapters/stop_signals.hpp>
#include <fcntl.h>
#include <unistd.h>

namespace devos::adapters {
namespace {

std::atomic<bool> gStop{false};
int gPipe[2] = {-1, -1};

extern "C" void onStopSignal(int) {
    gStop.store(true);
    const char byte = 1;
    (void)!::write(gPipe[1], &byte, 1);
}

} // namespace

StopSignals::StopSignals() {
    if (gPipe[0] < 0 && ::pipe2(gPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        gPipe[0] = gPipe[1] = -1;
    struct sigaction action{};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

StopSignals::~StopSignals() {
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

const std::atomic<bool>& StopSignals::requested() const {
    return gStop;
}

int StopSignals::fd() const {
    return gPipe[0];
}

} // namespace devos::adapters
