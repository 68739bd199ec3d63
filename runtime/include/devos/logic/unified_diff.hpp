#pragma once
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/error.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// One line of a hunk: ' ' context, '-' removed, '+' added; `noNewline` when it is the file's last
// line and has no '\n' ("\ No newline at end of file" follows it).
struct DiffLine {
    char kind = ' ';
    std::string text;
    bool noNewline = false;

    bool operator==(const DiffLine&) const = default;
};

// One `@@ -oldStart,oldCount +newStart,newCount @@` hunk.
struct Hunk {
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    std::vector<DiffLine> lines;
};

// The changes to one file of a unified diff.
struct FilePatch {
    std::string oldPath; // without "a/"; empty for a new file
    std::string newPath; // without "b/"; empty for a deleted file
    bool binary = false;
    std::vector<Hunk> hunks;
};

// How much a set of diffs changes.
struct DiffStats {
    int files = 0;
    int added = 0;
    int removed = 0;
};

// The git-style unified diff (`diff --git`, 3 lines of context) of one file; "" when unchanged.
// `git apply` accepts it.
[[nodiscard]] std::string unifiedDiff(const contracts::CodeDiff& diff);

// unifiedDiff of every file, concatenated in order.
[[nodiscard]] std::string unifiedDiff(std::span<const contracts::CodeDiff> diffs);

// Files changed and lines added and removed (by a line diff of each before/after).
[[nodiscard]] DiffStats diffStats(std::span<const contracts::CodeDiff> diffs);

// Parses a unified diff (git's, ours, or plain `diff -u`): headers, hunks, "\ No newline" markers
// and binary notes. Strict: a hunk whose lines disagree with its header counts is Invalid, with
// the 1-based line of the diff.
[[nodiscard]] contracts::Expected<std::vector<FilePatch>> parseUnifiedDiff(std::string_view text);

} // namespace devos::logic
