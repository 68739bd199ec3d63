#pragma once
#include <functional>
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

// What one comment says about a finding of `ruleId` (the step resolveAllow takes per line; `devos
// report` asks it of every comment it lists).
[[nodiscard]] AllowVerdict judgeAllowComment(const AllowComment& allow, const std::string& ruleId,
                                             const std::string& today, int maxDays);

// Which markers open an allow comment: `//` in C and C++, `//` or `#` in CMake, YAML, shell and
// other files (a marker must come before `devos-allow`, so a string that mentions it does not count).
enum class CommentMarkers { Cxx, CxxOrHash };

// What the allow comments around a finding do to it. `Malformed` (no rule, reason or date, or an
// expiry beyond allow.max_days) and `Expired` comments do not allow: each is a finding of
// `findingRule` (allow.malformed / allow.expired) at `line`:`column` with `message` and `subject`.
struct AllowResolution {
    enum class Status { None, Allowed, Malformed, Expired };
    Status status = Status::None;
    std::string findingRule;
    std::string message;
    std::string subject;
    unsigned line = 0;
    unsigned column = 0;
};

// The one allow-comment resolver: the plugin, `devos check`, scan, deps, targets, coverage, sbom and
// the linker ask it about a finding of `ruleId` on `line`; the comment on that line or the line above
// decides. `lineAt(n)` returns the text of line n (empty past the end).
[[nodiscard]] AllowResolution resolveAllow(const std::function<std::string(unsigned)>& lineAt, unsigned line,
                                           const std::string& ruleId, const std::string& today, int maxDays,
                                           CommentMarkers markers = CommentMarkers::Cxx);

// The comment markers of a file by its name: C and C++ sources and headers take `//`, others `//` or `#`.
[[nodiscard]] CommentMarkers commentMarkersOf(const std::string& path);

// Today's date as YYYY-MM-DD (UTC), or DEVOS_TODAY when set (reproducible tests and replays).
[[nodiscard]] std::string todayIso();

} // namespace devos::engine
