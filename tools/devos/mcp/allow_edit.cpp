#include "mcp/allow_edit.hpp"

#include <algorithm>
#include <chrono>
#include <devos/engine/allow_comment.hpp>
#include <vector>

namespace devos::mcp {
namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return lines;
}

bool allows(const std::string& line, const std::string& rule) {
    auto comment = engine::parseAllowComment(line);
    return comment && comment->problem.empty() &&
           std::find(comment->rules.begin(), comment->rules.end(), rule) != comment->rules.end();
}

} // namespace

foundation::Expected<AllowEdit> insertAllowComment(const std::string& fileText, const AllowRequest& r) {
    using foundation::ErrorKind;
    if (r.reason.empty() || r.reason.size() > 200 || r.reason.find_first_of("\n\r") != std::string::npos ||
        r.reason.find(" until ") != std::string::npos)
        return foundation::fail(
            ErrorKind::Invalid, "the reason must be one line of 1 to 200 characters", "", 0,
            "say why the finding is acceptable, e.g. \"legacy adapter, moved in PLAT-12\"");
    const auto until = engine::isoDayNumber(r.until), today = engine::isoDayNumber(r.today);
    if (!until || !today || *until <= *today || *until > *today + r.maxDays)
        return foundation::fail(ErrorKind::Invalid,
                                "the expiry '" + r.until + "' is not a date after " + r.today, "", 0,
                                "give a YYYY-MM-DD date within " + std::to_string(r.maxDays) +
                                    " days (allow.max_days); an allow comment must expire");
    std::vector<std::string> lines = splitLines(fileText);
    if (r.line == 0 || r.line > lines.size())
        return foundation::fail(ErrorKind::Invalid, "line " + std::to_string(r.line) + " is not in the file");
    AllowEdit edit;
    const std::string& target = lines[r.line - 1];
    if (allows(target, r.rule) || (r.line > 1 && allows(lines[r.line - 2], r.rule))) {
        edit.text = fileText;
        edit.alreadyAllowed = true;
        edit.commentLine = allows(target, r.rule) ? r.line : r.line - 1;
        return edit;
    }
    const std::string indent = target.substr(0, target.find_first_not_of(" \t"));
    edit.comment = "// devos-allow(" + r.rule + "): " + r.reason + " until " + r.until;
    auto parsed = engine::parseAllowComment(edit.comment);
    if (!parsed || !parsed->problem.empty())
        return foundation::fail(ErrorKind::Invalid,
                                "the comment would not parse as an allow comment: " +
                                    (parsed ? parsed->problem : std::string("no comment")));
    lines.insert(lines.begin() + (r.line - 1), indent + edit.comment);
    edit.commentLine = r.line;
    for (std::size_t i = 0; i < lines.size(); ++i)
        edit.text += lines[i] + (i + 1 < lines.size() || fileText.ends_with('\n') ? "\n" : "");
    return edit;
}

} // namespace devos::mcp
