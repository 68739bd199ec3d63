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

// Days since 1970-01-01 of a YYYY-MM-DD date that exists, or nullopt.
[[nodiscard]] std::optional<long> isoDayNumber(const std::string& text);

// How far ahead an allow comment may expire unless the repo config says otherwise (allow.max_days).
inline constexpr int kDefaultAllowMaxDays = 365;

// What one allow comment does to a finding of `ruleId`: `Allowed` suppresses it; `Malformed`,
// `Expired` and `TooFar` (an expiry more than `maxDays` after `today`) are findings themselves, of
// rule `findingRule` (allow.malformed / allow.expired) with `message`, and do not suppress.
struct AllowVerdict {
    enum class Outcome { OtherRule, Allowed, Malformed, Expired, TooFar };
    Outcome outcome = Outcome::OtherRule;
    std::string findingRule;
    std::string message;
    std::string subject;
};

// The one allow-comment resolver the plugin, `devos check` and `devos scan` share.
[[nodiscard]] AllowVerdict judgeAllowComment(const AllowComment& allow, const std::string& ruleId,
                                             const std::string& today, int maxDays);

// Today's date as YYYY-MM-DD (UTC), or DEVOS_TODAY when set (reproducible tests and replays).
[[nodiscard]] std::string todayIso();

} // namespace devos::engine
