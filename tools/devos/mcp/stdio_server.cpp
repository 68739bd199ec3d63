#include "mcp/stdio_server.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace devos::mcp {
namespace {

// A request waiting for (or in) the worker, and the flag its cancellation sets.
struct Pending {
    RpcMessage message;
    std::shared_ptr<std::atomic<bool>> cancelled;
};

class LineWriter {
public:
    explicit LineWriter(std::FILE* out) : out_(out) {}
    void write(const std::string& line) {
        std::lock_guard lock(mutex_);
        if (failed_)
            return;
        failed_ = std::fwrite(line.data(), 1, line.size(), out_) != line.size() ||
                  std::fputc('\n', out_) == EOF || std::fflush(out_) != 0;
    }
    [[nodiscard]] bool failed() {
        std::lock_guard lock(mutex_);
        return failed_;
    }

private:
    std::FILE* out_;
    std::mutex mutex_;
    bool failed_ = false;
};

} // namespace

int serveStdio(McpSession& session, std::istream& in, std::FILE* out) {
    LineWriter writer(out);
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Pending> queue;
    std::map<std::string, std::shared_ptr<std::atomic<bool>>> inFlight; // by id.dump()
    bool closed = false;

    std::thread worker([&] {
        const auto emit = [&](const std::string& line) { writer.write(line); };
        for (;;) {
            Pending next;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return closed || !queue.empty(); });
                if (queue.empty())
                    return;
                next = std::move(queue.front());
                queue.pop_front();
            }
            if (!next.cancelled->load())
                if (auto reply = session.handle(next.message, *next.cancelled, emit))
                    writer.write(*reply);
            std::lock_guard lock(mutex);
            inFlight.erase(next.message.id.dump());
        }
    });

    for (std::string line; std::getline(in, line) && !writer.failed();) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto message = parseRpcLine(line);
        if (!message) {
            writer.write(renderError(message.error().id, message.error().error));
            continue;
        }
        if (message->kind == RpcMessage::Kind::Notification && message->method == "notifications/cancelled") {
            const auto id = message->params.value("requestId", nlohmann::json()).dump();
            std::lock_guard lock(mutex);
            if (auto found = inFlight.find(id); found != inFlight.end())
                found->second->store(true); // a request already answered is not found: races are fine
            continue;
        }
        Pending pending{std::move(*message), std::make_shared<std::atomic<bool>>(false)};
        std::lock_guard lock(mutex);
        if (pending.message.kind == RpcMessage::Kind::Request)
            inFlight[pending.message.id.dump()] = pending.cancelled;
        queue.push_back(std::move(pending));
        ready.notify_one();
    }
    {
        std::lock_guard lock(mutex);
        closed = true;
    }
    ready.notify_one();
    worker.join();
    return writer.failed() ? 1 : 0;
}

} // namespace devos::mcp
