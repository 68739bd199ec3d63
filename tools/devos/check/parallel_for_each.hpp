#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace devos::check {

// Calls body(0) ... body(count - 1), `jobs` at a time (the calling thread is one of them). An
// exception thrown by one call ends that call only: its text is at the call's index in the result
// (empty for the calls that returned), the other calls still run, and the process never terminates.
[[nodiscard]] std::vector<std::string> parallelForEach(std::size_t count, unsigned jobs,
                                                       const std::function<void(std::size_t)>& body);

} // namespace devos::check
