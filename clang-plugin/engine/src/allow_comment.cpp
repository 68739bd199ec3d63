#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <devos/engine/allow_comment.hpp>
#include <devos/foundation/text.hpp>
#include <string_view>

namespace devos::engine {
bool isIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
    std::chrono::year_month_day date{std::chrono::year{std::stoi(s.substr(0, 4))},
                                     std::chrono::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                                     std::chrono::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
    return date.ok();
}

std::optional<AllowComment> parseAllowComment(const std::string& line) {
    size_t comment = line.find("//");
    if (comment == std::string::npos)
        return std::nullopt;
    size_t at = line.find("devos-allow", comment);
    if (at == std::string::npos)
        return std::nullopt;
    AllowComment allow;
    allow.column = static_cast<unsigned>(at + 1);
    size_t open = at + std::string("devos-allow").size();
    if (open >= line.size() || line[open] != '(') {
        allow.problem = "the rule id in parentheses";
        return allow;
    }
    size_t close = line.find(')', open);
    if (close == std::string::npos) {
        allow.problem = "the closing ')' after the rule id";
        return allow;
    }
    std::string ids = line.substr(open + 1, close - open - 1);
    for (size_t start = 0; start <= ids.size();) {
        size_t comma = ids.find(',', start);
        std::string id(foundation::trim(
            ids.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (!id.empty())
            allow.rules.push_back(id);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (allow.rules.empty()) {
        allow.problem = "a rule id inside the parentheses";
        return allow;
    }
    std::string rest = line.substr(close + 1);
    if (rest.empty() || rest[0] != ':') {
        allow.problem = "':' and a reason after the rule id";
        return allow;
    }
    rest = std::string(foundation::trim(rest.substr(1)));
    size_t until = rest.rfind(" until ");
    if (rest.starts_with("until "))
        until = 0;
    if (until == std::string::npos) {
        allow.problem = "an expiry date ('until YYYY-MM-DD')";
        allow.reason = rest;
        return allow;
    }
    allow.reason = foundation::trim(rest.substr(0, until));
    allow.until = foundation::trim(rest.substr(until + (until == 0 ? 6 : 7)));
    if (allow.until.size() > 10)
        allow.until = allow.until.substr(0, 10);
    if (allow.reason.empty())
        allow.problem = "a reason before 'until'";
    else if (!isIsoDate(allow.until))
        allow.problem = "a valid date after 'until' (YYYY-MM-DD)";
    return allow;
}

bool isExpired(const std::string& until, const std::string& today) {
    return until < today;
}

std::optional<long> isoDayNumber(const std::string& text) {
    if (!isIsoDate(text))
        return std::nullopt;
    std::chrono::year_month_day date{std::chrono::year{std::stoi(text.substr(0, 4))},
                                     std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                     std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
    return std::chrono::sys_days(date).time_since_epoch().count();
}

AllowVerdict judgeAllowComment(const AllowComment& allow, const std::string& ruleId, const std::string& today,
                               int maxDays) {
    using Outcome = AllowVerdict::Outcome;
    if (!allow.problem.empty())
        return {Outcome::Malformed, "allow.malformed", "devos-allow comment is missing " + allow.problem,
                "devos-allow"};
    bool covers = false;
    for (const auto& r : allow.rules)
        covers = covers || r == ruleId;
    if (!covers)
        return {};
    if (isExpired(allow.until, today))
        return {Outcome::Expired, "allow.expired",
                "devos-allow(" + ruleId + ") expired on " + allow.until + " (today is " + today + ")",
                "devos-allow:" + ruleId};
    const auto until = isoDayNumber(allow.until), now = isoDayNumber(today);
    if (maxDays > 0 && until && now && *until - *now > maxDays)
        return {Outcome::TooFar, "allow.malformed",
                "devos-allow(" + ruleId + ") until " + allow.until + " is more than " +
                    std::to_string(maxDays) + " days after today (" + today +
                    "): pick a date within allow.max_days of .devos/devos.yml",
                "devos-allow:" + ruleId};
    return {Outcome::Allowed, "", "", ""};
}

namespace {

// The allow comment on one line, under `markers`; its column is that of `devos-allow`.
std::optional<AllowComment> allowCommentOn(const std::string& text, CommentMarkers markers) {
    if (markers == CommentMarkers::Cxx)
        return parseAllowComment(text);
    const size_t at = text.find("devos-allow");
    if (at == std::string::npos)
        return std::nullopt;
    const std::string_view before = std::string_view(text).substr(0, at);
    if (before.find("//") == std::string_view::npos && before.find('#') == std::string_view::npos)
        return std::nullopt;
    auto allow = parseAllowComment("// " + text.substr(at));
    if (allow)
        allow->column = static_cast<unsigned>(at + 1);
    return allow;
}

} // namespace

AllowResolution resolveAllow(const std::function<std::string(unsigned)>& lineAt, unsigned line,
                             const std::string& ruleId, const std::string& today, int maxDays,
                             CommentMarkers markers) {
    using Status = AllowResolution::Status;
    for (unsigned candidate : {line, line - 1}) {
        if (candidate == 0 || candidate > line)
            continue;
        auto allow = allowCommentOn(lineAt(candidate), markers);
        if (!allow)
            continue;
        AllowVerdict verdict = judgeAllowComment(*allow, ruleId, today, maxDays);
        Status status = Status::None;
        switch (verdict.outcome) {
        case AllowVerdict::Outcome::OtherRule:
            continue;
        case AllowVerdict::Outcome::Allowed:
            return {Status::Allowed, "", "", "", candidate, allow->column};
        case AllowVerdict::Outcome::Expired:
            status = Status::Expired;
            break;
        case AllowVerdict::Outcome::Malformed:
        case AllowVerdict::Outcome::TooFar:
            status = Status::Malformed;
            break;
        }
        return {status,
                std::move(verdict.findingRule),
                std::move(verdict.message),
                std::move(verdict.subject),
                candidate,
                allow->column};
    }
    return {};
}

CommentMarkers commentMarkersOf(const std::string& path) {
    static constexpr std::string_view kCxx[] = {".c",  ".cc",  ".cpp", ".cxx", ".c++", ".h",
                                                ".hh", ".hpp", ".hxx", ".inc", ".ipp", ".tpp"};
    const std::string name = foundation::lower(path);
    for (std::string_view extension : kCxx)
        if (name.ends_with(extension))
            return CommentMarkers::Cxx;
    return CommentMarkers::CxxOrHash;
}

std::string todayIso() {
    if (const char* fixed = std::getenv("DEVOS_TODAY"); fixed && *fixed)
        return fixed;
    auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    std::chrono::year_month_day ymd{days};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

} // namespace devos::engine
