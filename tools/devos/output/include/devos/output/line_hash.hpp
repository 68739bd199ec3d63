#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace devos::output {

// GitHub's `primaryLocationLineHash` for every line of a file (element 0 is line 1), computed as
// codeql-action's src/fingerprints.ts does: "<rolling hash hex>:<occurrence>". A text ending in a line
// break has one more entry, for the empty line after it, as GitHub's own count does.
[[nodiscard]] std::vector<std::string> lineHashes(std::string_view fileText);

// The `primaryLocationLineHash` of 1-based `line` of `fileText`; empty when the file has no such line.
[[nodiscard]] std::string lineFingerprint(std::string_view fileText, unsigned line);

} // namespace devos::output
