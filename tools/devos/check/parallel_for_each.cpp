#include "check/parallel_for_each.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

namespace devos::check {

std::vector<std::string> parallelForEach(std::size_t count, unsigned jobs,
                                         const std::function<void(std::size_t)>& body) {
    std::vector<std::string> errors(count);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                body(i);
            } catch (const std::exception& e) {
                errors[i] = *e.what() ? e.what() : "an exception without a message";
            } catch (...) {
                errors[i] = "an exception that is not a std::exception";
            }
        }
    };
    std::size_t threads = std::min<std::size_t>(std::max(1u, jobs), count);
    std::vector<std::thread> started;
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            started.emplace_back(worker);
        } catch (const std::system_error&) {
            break; // no more threads: the started ones and this one share the work
        }
    }
    worker();
    for (auto& thread : started)
        thread.join();
    return errors;
}

} // namespace devos::check
