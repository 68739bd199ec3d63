#pragma once
#include <string>

namespace devos::contracts {

// A test by name, as a report names it (CTest: suite and name are both the test's name).
struct TestCaseName {
    std::string suite;
    std::string testName;

    bool operator==(const TestCaseName&) const = default;
    auto operator<=>(const TestCaseName&) const = default;
};

} // namespace devos::contracts
