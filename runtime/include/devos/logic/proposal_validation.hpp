#pragma once
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/repo_facts.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// Everything validation looks at: the proposed files and the facts the service gathered about them.
struct ValidationInput {
    std::vector<contracts::CodeDiff> diffs;
    std::vector<contracts::PathFact> facts; // what each proposed path is in the worktree
    std::vector<std::string> repoFiles;     // tracked files at the failing commit
    std::vector<std::string> buildDirs;     // repo-relative build folders (the user's -p when inside)
    std::string failingTest;                // the test the proof flips; "" when the signal has none
    std::string failingTestSource;          // the file that declares it; "" when unknown
    std::vector<std::string> coveredFiles;  // files the failing test covers (logic::coveredFiles)
};

// A path an agent named, before anything is read: Rejection path.outside-repo for an absolute path,
// a `..` segment, `~`, a backslash or an empty path; path.git-dir for anything under `.git/`.
[[nodiscard]] std::optional<contracts::Rejection> checkProposedPath(std::string_view path);

// A proposed path as it is in the worktree: path.symlink (a symlink, or under one), path.not-a-file,
// path.missing; nullopt for a regular file.
[[nodiscard]] std::optional<contracts::Rejection> checkPathFact(const contracts::PathFact& fact);

// Every rule a proposal breaks (empty: valid), each naming its rule, file, line and what to do:
// path.* (checkProposedPath, path.symlink, path.not-a-file, path.missing, path.sensitive,
// path.build-output), dependency.find-package, dependency.fetchcontent, dependency.link,
// dependency.include, logic.untested, test.edits-failing-test, limits.files, limits.lines, diff.empty.
[[nodiscard]] std::vector<contracts::Rejection> validateProposal(const ValidationInput& input,
                                                                 const contracts::SelfHealConfig& config);

// True when `path` is in the logic layer (a `logic` folder on its way: src/logic/, include/x/logic/).
[[nodiscard]] bool isLogicPath(std::string_view path);

// True for a test source: under a tests/ or test/ folder, or named *_test.* / *_tests.*.
[[nodiscard]] bool isTestPath(std::string_view path);

// True for a CMake file (CMakeLists.txt, *.cmake).
[[nodiscard]] bool isCMakePath(std::string_view path);

// True when `header` (as written in an #include) names a C or C++ standard library header.
[[nodiscard]] bool isStandardHeader(std::string_view header);

// The repo file an #include of `header` from `includer` resolves to (same folder first, then any
// tracked file whose path ends in "/header"); "" when none does.
[[nodiscard]] std::string resolveInclude(std::string_view header, std::string_view includer,
                                         std::span<const std::string> repoFiles);

} // namespace devos::logic
