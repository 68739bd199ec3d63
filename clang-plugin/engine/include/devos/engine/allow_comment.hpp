#pragma once
#include <optional>
#include <string>
#include <vector>

namespace devos::engine {

// `// devos-allow(<rule>[, <rule>...]): <reason> until YYYY-MM-DD` on the finding's line or the line
// above it. Reason and expiry are required; an expired comment is itself a finding.
struct AllowComment {
    std::vector<std::string> rules;
    std::string reason;
    std::string until;   // YYYY-MM-DD
    std::string problem; // non-empty when malformed: what is missing
    unsigned column = 0; // 1-based column of "devos-allow"
};

// Parses the allow comment on one source line, if the line has one.
[[nodiscard]] std::optional<AllowComment> parseAllowComment(const std::string& line);

// True when `until` (YYYY-MM-DD) is before `today` (YYYY-MM-DD).
[[nodiscard]] bool isExpired(const std::string& until, const std::string& today);

// True when `text` is a date that exists, written YYYY-MM-DD (2027-02-28, not 2027-02-30 or 0).
[[nodiscard]] bool isIsoDate(const std::string& text);

// Today's date as YYYY-MM-DD (UTC), or DEVOS_TODAY when set (reproducible tests and replays).
[[nodiscard]] std::string todayIso();

} // namespace devos::engine
