#pragma once
#include <devos/contracts/agent_request.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// The GoogleTest suite and name of a CTest/JUnit test name: "Suite.Name", "Prefix/Suite.Name/3"
// (parameterized) → {"Suite", "Name"}; empty parts when it has no '.'.
struct GtestName {
    std::string suite;
    std::string name;
};
[[nodiscard]] GtestName gtestNameOf(std::string_view testName);

// The name ctest knows a stored test by: CTest's JUnit gives suite == name ("Pricing.Rounds");
// GoogleTest's XML gives suite "Pricing" and name "Rounds" → "Pricing.Rounds".
[[nodiscard]] std::string ctestNameOf(std::string_view suite, std::string_view testName);

// The first file that declares the test (`TEST(Suite, Name)`, `TEST_F`, `TEST_P`, `TYPED_TEST`), or "".
[[nodiscard]] std::string findTestSource(std::string_view testName,
                                         std::span<const contracts::SourceFile> files);

// What a test covers, statically: its own source, every repo file it #includes, and the sources
// beside each included header with the same stem (logic/pricing.hpp → logic/pricing.cpp).
[[nodiscard]] std::vector<std::string> coveredFiles(const contracts::SourceFile& testSource,
                                                    std::span<const std::string> repoFiles);

// True for a C or C++ source or header name (.c .cc .cpp .cxx .h .hh .hpp .hxx .ipp .inl).
[[nodiscard]] bool isCppSource(std::string_view path);

} // namespace devos::logic
