#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::coverage {

// Line coverage of one source file, as gcovr counts it (lines with code; excluded lines left out).
struct FileCoverage {
    std::string file; // as gcovr names it: relative to its --root
    unsigned long linesTotal = 0;
    unsigned long linesCovered = 0;
    [[nodiscard]] double percent() const;
    bool operator==(const FileCoverage&) const = default;
};

// What the unit tests covered: every measured file and the totals.
struct CoverageSummary {
    std::vector<FileCoverage> files;
    unsigned long linesTotal = 0;
    unsigned long linesCovered = 0;
    [[nodiscard]] double percent() const;
};

// Parses gcovr's `--json-summary` output; `origin` names it in errors.
[[nodiscard]] foundation::Expected<CoverageSummary> parseGcovrSummary(const std::string& json,
                                                                      const std::string& origin);

} // namespace devos::coverage
