#include <cctype>
#include <devos/engine/expectations.hpp>

namespace devos::engine {
namespace {

std::string rendered(const Finding& f) {
    return "[devos " + f.ruleId + "] " + f.message;
}

} // namespace

std::vector<Expectation> parseExpectations(const std::string& file, const std::string& text,
                                           const std::vector<std::string>& prefixes) {
    std::vector<Expectation> out;
    unsigned line = 1;
    size_t lineStart = 0;
    for (size_t pos = 0; pos < text.size(); ++pos) {
        if (text[pos] == '\n') {
            ++line;
            lineStart = pos + 1;
            continue;
        }
        for (const auto& prefix : prefixes) {
            if (text.compare(pos, prefix.size() + 1, prefix + "-") != 0)
                continue;
            if (pos > lineStart &&
                (std::isalnum(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '-'))
                continue;
            size_t kindStart = pos + prefix.size() + 1;
            Level level;
            size_t kindEnd;
            if (text.compare(kindStart, 5, "error") == 0) {
                level = Level::Error;
                kindEnd = kindStart + 5;
            } else if (text.compare(kindStart, 7, "warning") == 0) {
                level = Level::Warning;
                kindEnd = kindStart + 7;
            } else if (text.compare(kindStart, 4, "note") == 0) {
                level = Level::Note;
                kindEnd = kindStart + 4;
            } else {
                continue;
            }
            unsigned target = line;
            size_t cursor = kindEnd;
            if (cursor < text.size() && text[cursor] == '@') {
                ++cursor;
                char sign = text[cursor];
                if (sign == '+' || sign == '-')
                    ++cursor;
                size_t digits = cursor;
                while (cursor < text.size() && std::isdigit(static_cast<unsigned char>(text[cursor])))
                    ++cursor;
                unsigned n = static_cast<unsigned>(std::stoul(text.substr(digits, cursor - digits)));
                target = sign == '+' ? line + n : sign == '-' ? line - n : n;
            }
            size_t open = text.find("{{", cursor);
            size_t close = open == std::string::npos ? std::string::npos : text.find("}}", open);
            size_t eol = text.find('\n', cursor);
            if (open == std::string::npos || close == std::string::npos ||
                (eol != std::string::npos && open > eol))
                continue;
            out.push_back({file, target, level, text.substr(open + 2, close - open - 2), prefix});
            pos = close + 1;
            break;
        }
    }
    return out;
}

std::vector<std::string> verifyFindings(const std::vector<Finding>& findings,
                                        const std::vector<Expectation>& expectations) {
    std::vector<std::string> problems;
    std::vector<bool> used(expectations.size(), false);
    for (const auto& f : findings) {
        if (f.level == Level::Off || f.level == Level::Note)
            continue;
        bool matched = false;
        for (size_t i = 0; i < expectations.size() && !matched; ++i) {
            const auto& e = expectations[i];
            if (!used[i] && e.level == f.level && e.file == f.at.file && e.line == f.at.line &&
                rendered(f).find(e.text) != std::string::npos) {
                used[i] = true;
                matched = true;
            }
        }
        if (!matched)
            problems.push_back(f.at.file + ":" + std::to_string(f.at.line) +
                               ": seen but not expected: " + levelName(f.level) + " " + rendered(f));
    }
    for (size_t i = 0; i < expectations.size(); ++i) {
        const auto& e = expectations[i];
        if (e.level == Level::Note) {
            bool seen = false;
            for (const auto& f : findings) {
                if (f.at.file == e.file && f.at.line == e.line && f.instead.find(e.text) != std::string::npos)
                    seen = true;
                for (const auto& n : f.notes)
                    seen = seen || (n.at.file == e.file && n.at.line == e.line &&
                                    n.message.find(e.text) != std::string::npos);
            }
            if (!seen)
                problems.push_back(e.file + ":" + std::to_string(e.line) +
                                   ": expected but not seen: note {{" + e.text + "}}");
        } else if (!used[i]) {
            problems.push_back(e.file + ":" + std::to_string(e.line) +
                               ": expected but not seen: " + levelName(e.level) + " {{" + e.text + "}}");
        }
    }
    return problems;
}

} // namespace devos::engine
