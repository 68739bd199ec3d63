#pragma once
#include "check/compile_database.hpp"

#include <devos/engine/effect_summary.hpp>
#include <devos/engine/policy.hpp>
#include <string>
#include <vector>

namespace devos::check {

// What to check and how.
struct CheckRequest {
    const CompileDatabase* database = nullptr;
    std::vector<std::string> files; // absolute paths, each listed in the database
    const engine::Policy* policy = nullptr;
    std::string repoRoot;
    std::string today;
    std::string cacheDirectory; // empty: no cache
    std::string policyKey;      // identifies the policy (rules + config) in cache keys
    unsigned jobs = 1;
};

// What came out: one summary per TU that could be analysed (with its findings), the files that
// failed to parse, and the compiler flags that had to be dropped.
struct CheckRun {
    std::vector<engine::EffectSummary> summaries;
    std::vector<std::string> failedFiles;
    std::vector<std::string> notifications; // "dropped -fno-foo (unknown to clang 19) from src/a.cpp"
    std::vector<std::string> dependencies;  // every file the freshly analysed TUs read (absolute)
    unsigned fromCache = 0;
};

// Runs every check over each TU with LibTooling, `jobs` TUs at a time; keeps going past a file
// that fails to parse; reuses cached results for TUs whose inputs did not change.
[[nodiscard]] CheckRun checkTranslationUnits(const CheckRequest& request);

} // namespace devos::check
