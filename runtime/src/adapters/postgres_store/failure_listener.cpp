// LISTEN on its own connection: notifications arrive asynchronously, so next() first drains what
// libpq already buffered, then waits on the socket (and the interrupt descriptor) with poll().
#include "pg_result.hpp"

#include <cerrno>
#include <devos/adapters/postgres_store.hpp>
#include <poll.h>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;

class PgFailureListener final : public FailureListener {
public:
    explicit PgFailureListener(PGconn* conn) : conn_(conn) {}
    ~PgFailureListener() override { PQfinish(conn_); }

    contracts::Expected<std::optional<std::string>> next(std::chrono::milliseconds timeout,
                                                         int interruptFd) override {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            if (!PQconsumeInput(conn_))
                return fail(ErrorKind::Unavailable,
                            std::string("lost the LISTEN connection: ") + PQerrorMessage(conn_));
            if (PGnotify* n = PQnotifies(conn_)) {
                std::string payload = n->extra;
                PQfreemem(n);
                return std::optional{payload};
            }
            auto left = std::chrono::duration_cast<std::chrono::microseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return std::optional<std::string>{};
            pollfd fds[2] = {{PQsocket(conn_), POLLIN, 0}, {interruptFd, POLLIN, 0}};
            const int ms = static_cast<int>((left.count() + 999) / 1000);
            if (::poll(fds, interruptFd >= 0 ? 2 : 1, ms) < 0 && errno != EINTR)
                return fail(ErrorKind::Io, "poll() on the LISTEN connection failed");
            if (interruptFd >= 0 && (fds[1].revents & POLLIN) != 0)
                return std::optional<std::string>{};
        }
    }

private:
    PGconn* conn_;
};

} // namespace

contracts::Expected<std::unique_ptr<FailureListener>> listenForFailures(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        return fail(ErrorKind::Unavailable, "cannot connect to PostgreSQL: " + message);
    }
    auto listener = std::make_unique<PgFailureListener>(conn);
    if (!pgOk(pgExec(conn, std::string("LISTEN ") + kFailuresChannel)))
        return fail(ErrorKind::Storage, std::string("LISTEN failed: ") + PQerrorMessage(conn));
    return std::unique_ptr<FailureListener>(std::move(listener));
}

namespace {

// LISTEN devos_failures with a reconnect after a lost connection.
class PgFailureWakeup final : public ports::FailureWakeup {
public:
    PgFailureWakeup(std::string url, int interruptFd) : url_(std::move(url)), interruptFd_(interruptFd) {}

    contracts::Expected<bool> wait(std::chrono::milliseconds timeout) override {
        if (!listener_) {
            auto listener = listenForFailures(url_);
            if (!listener) {
                pollfd stop{interruptFd_, POLLIN, 0}; // wait out the timeout (or a stop) before the retry
                (void)::poll(&stop, interruptFd_ >= 0 ? 1 : 0, static_cast<int>(timeout.count()));
                return std::unexpected(listener.error());
            }
            listener_ = std::move(*listener);
        }
        auto next = listener_->next(timeout, interruptFd_);
        if (!next) {
            listener_.reset();
            return std::unexpected(next.error());
        }
        bool any = next->has_value();
        while (any) { // drain what else arrived: one pass looks at them all
            auto more = listener_->next(std::chrono::milliseconds(0), -1);
            if (!more || !more->has_value())
                break;
        }
        return any;
    }

private:
    std::string url_;
    int interruptFd_;
    std::unique_ptr<FailureListener> listener_;
};

} // namespace

std::unique_ptr<ports::FailureWakeup> makePgFailureWakeup(const std::string& url, int interruptFd) {
    return std::make_unique<PgFailureWakeup>(url, interruptFd);
}

} // namespace devos::adapters
