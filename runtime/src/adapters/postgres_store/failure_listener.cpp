// LISTEN on its own connection: notifications arrive asynchronously, so next() first drains what
// libpq already buffered, then waits on the socket with select() until the timeout.
#include "pg_result.hpp"

#include <devos/adapters/postgres_store.hpp>
#include <sys/select.h>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;

class PgFailureListener final : public FailureListener {
public:
    explicit PgFailureListener(PGconn* conn) : conn_(conn) {}
    ~PgFailureListener() override { PQfinish(conn_); }

    contracts::Expected<std::optional<std::string>> next(std::chrono::milliseconds timeout) override {
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
            int fd = PQsocket(conn_);
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(fd, &readable);
            timeval tv{static_cast<time_t>(left.count() / 1000000),
                       static_cast<suseconds_t>(left.count() % 1000000)};
            if (select(fd + 1, &readable, nullptr, nullptr, &tv) < 0)
                return fail(ErrorKind::Io, "select() on the LISTEN connection failed");
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

} // namespace devos::adapters
