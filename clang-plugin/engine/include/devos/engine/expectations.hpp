#pragma once
#include <devos/engine/finding.hpp>
#include <string>
#include <vector>

namespace devos::engine {

// One `// expected-error {{text}}` marker (clang -verify syntax, with `@N`, `@+N`, `@-N` line
// offsets). The prefix "linked" marks findings that only the cross-TU link can produce.
struct Expectation {
    std::string file; // repo-relative
    unsigned line = 0;
    Level level = Level::Error; // Error, Warning or Note
    std::string text;
    std::string prefix; // "expected" or "linked"
};

// Reads every marker in one source text.
[[nodiscard]] std::vector<Expectation> parseExpectations(const std::string& file, const std::string& text,
                                                         const std::vector<std::string>& prefixes);

// Compares findings with expectations like clang's -verify: every error and warning must be expected
// (the text is a substring of "[devos <rule>] <message>" on the same line), every expectation must be
// seen; notes are checked only where a note is expected. Returns one line per mismatch.
[[nodiscard]] std::vector<std::string> verifyFindings(const std::vector<Finding>& findings,
                                                      const std::vector<Expectation>& expectations);

} // namespace devos::engine
