#pragma once
// A local HTTP/1.1 server for adapter tests (embeddings, OTLP export): 127.0.0.1, an ephemeral port.
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <functional>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace devos::test_support {

struct Request {
    std::string head; // request line and headers
    std::string body;
};

struct Response {
    int status = 200;
    std::string body;
    std::chrono::milliseconds delay{0};
};

// A one-connection-at-a-time HTTP/1.1 server on 127.0.0.1 that answers with `handler` and records requests.
class TestServer {
public:
    explicit TestServer(std::function<Response(const Request&)> handler) : handler_(std::move(handler)) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(listener_, 8) != 0 ||
            ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
            ADD_FAILURE() << "cannot listen on 127.0.0.1";
        }
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~TestServer() {
        stopping_ = true;
        ::shutdown(listener_, SHUT_RDWR);
        ::close(listener_);
        thread_.join();
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::vector<Request> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }

private:
    void serve() {
        while (!stopping_) {
            const int client = ::accept(listener_, nullptr, nullptr);
            if (client < 0) {
                return;
            }
            Request request = readRequest(client);
            {
                std::lock_guard lock(mutex_);
                requests_.push_back(request);
            }
            const Response response = handler_(request);
            std::this_thread::sleep_for(response.delay);
            const std::string reply =
                "HTTP/1.1 " + std::to_string(response.status) +
                " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                std::to_string(response.body.size()) + "\r\n\r\n" + response.body;
            (void)::send(client, reply.data(), reply.size(), MSG_NOSIGNAL);
            ::close(client);
        }
    }

    static Request readRequest(int client) {
        std::string data;
        char buffer[4096];
        std::size_t headEnd = std::string::npos;
        std::size_t length = 0;
        while (true) {
            if (headEnd == std::string::npos && (headEnd = data.find("\r\n\r\n")) != std::string::npos) {
                const auto at = data.find("Content-Length: ");
                length = at < headEnd ? std::stoul(data.substr(at + 16)) : 0;
            }
            if (headEnd != std::string::npos && data.size() >= headEnd + 4 + length) {
                return {data.substr(0, headEnd), data.substr(headEnd + 4, length)};
            }
            const auto got = ::recv(client, buffer, sizeof buffer, 0);
            if (got <= 0) {
                return {data, {}};
            }
            data.append(buffer, static_cast<std::size_t>(got));
        }
    }

    std::function<Response(const Request&)> handler_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<Request> requests_;
};

} // namespace devos::test_support
