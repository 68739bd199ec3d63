#pragma once
#include <string>
#include <vector>

namespace devos::engine {

enum class Level { Off, Note, Warning, Error };

[[nodiscard]] const char* levelName(Level level);
// Parses "off", "note", "warning" or "error"; false when the text is none of them.
[[nodiscard]] bool parseLevel(const std::string& text, Level& out);

// A point in a source file; `file` is repo-relative when the file is inside the repo.
struct SourcePoint {
    std::string file;
    unsigned line = 0;
    unsigned column = 0;
    friend bool operator==(const SourcePoint&, const SourcePoint&) = default;
};

struct Note {
    SourcePoint at;
    std::string message;
    bool includeChain = false; // "included from": compilers print their own include stack
};

// A mechanical fix: replace [at, end) with `replacement`.
struct FixIt {
    SourcePoint at;
    SourcePoint end;
    std::string replacement;
};

// One finding from one rule: the single object every output (diagnostics, SARIF, JSON, agent) renders.
struct Finding {
    std::string ruleId;
    Level level = Level::Error;
    SourcePoint at;
    SourcePoint end;     // end of the highlighted range (same line as `at` when unknown)
    std::string message; // what is wrong, naming the offending symbol
    std::string subject; // the offending symbol, header or name: part of the line-free fingerprint
    std::string instead; // what to do (rendered as a note)
    std::vector<Note> notes;
    std::vector<FixIt> fixes;
    bool baselined = false; // matched a baseline entry: reported as suppressed, never fails
};

// Orders findings by file, line, column, rule; used for stable output everywhere.
[[nodiscard]] bool findingLess(const Finding& a, const Finding& b);
// Same rule, place and message: the same finding seen from two translation units.
[[nodiscard]] bool sameFinding(const Finding& a, const Finding& b);
// Sorts and removes duplicates (a header's finding reported by every TU that includes it).
void sortAndDeduplicate(std::vector<Finding>& findings);

} // namespace devos::engine
