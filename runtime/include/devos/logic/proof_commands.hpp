#pragma once
#include <devos/contracts/repo_facts.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// Every `NAME:TYPE=VALUE` entry of a CMakeCache.txt, with the advanced marks applied.
[[nodiscard]] std::vector<contracts::CMakeCacheEntry> parseCMakeCache(std::string_view text);

// The value of a cache entry, or nullopt.
[[nodiscard]] std::optional<std::string> cacheValue(std::span<const contracts::CMakeCacheEntry> entries,
                                                    std::string_view name);

// The `cmake` arguments after `-S <source> -B <build>` that configure a worktree like the user's
// build folder: `-G <generator>`, then `-DNAME:TYPE=VALUE` for the compiler, launcher, flags, build
// type, prefix path and toolchain entries and for every non-advanced project option and package
// folder (DevOS_DIR, GTest_DIR ...). Values inside the user's build folder are left out (they belong
// to that build); values inside the user's source folder are moved to `worktreeSource`.
[[nodiscard]] std::vector<std::string> configureArguments(std::span<const contracts::CMakeCacheEntry> entries,
                                                          std::string_view userBuildDir,
                                                          std::string_view userSourceDir,
                                                          std::string_view worktreeSource);

// `^name$` with every regular-expression character escaped: ctest -R for exactly one test.
[[nodiscard]] std::string exactTestRegex(std::string_view testName);

// CTest's closing line: "100% tests passed, 0 tests failed out of 41".
struct CtestSummary {
    bool found = false; // false when the output has no summary (or "No tests were found")
    int failed = 0;
    int total = 0;
};
[[nodiscard]] CtestSummary parseCtestSummary(std::string_view output);

// `text` quoted for a POSIX shell ('…' with embedded quotes escaped).
[[nodiscard]] std::string shellQuote(std::string_view text);

// A `commands:` template with {source}, {build} and {test} replaced by shell-quoted values.
[[nodiscard]] std::string expandCommand(std::string_view pattern, std::string_view source,
                                        std::string_view build, std::string_view test);

// The last `maxLines` lines of a command's output, for evidence.
[[nodiscard]] std::string outputTail(std::string_view output, std::size_t maxLines = 15);

} // namespace devos::logic
