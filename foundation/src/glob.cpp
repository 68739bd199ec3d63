// Glob matching by recursion over path segments: '**' may consume zero or more whole segments.
#include <devos/foundation/glob.hpp>

namespace devos::foundation {
namespace {

bool segmentMatch(std::string_view pattern, std::string_view text) {
    if (pattern.empty())
        return text.empty();
    if (pattern[0] == '*') {
        for (std::size_t i = 0; i <= text.size(); ++i)
            if (segmentMatch(pattern.substr(1), text.substr(i)))
                return true;
        return false;
    }
    if (text.empty() || (pattern[0] != '?' && pattern[0] != text[0]))
        return false;
    return segmentMatch(pattern.substr(1), text.substr(1));
}

std::string_view head(std::string_view s) {
    return s.substr(0, s.find('/'));
}

std::string_view tail(std::string_view s) {
    const std::size_t slash = s.find('/');
    return slash == std::string_view::npos ? std::string_view{} : s.substr(slash + 1);
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view path) {
    if (pattern.empty())
        return path.empty();
    const std::string_view first = head(pattern);
    if (first == "**") {
        const std::string_view rest = tail(pattern);
        if (rest.empty())
            return true;
        for (std::string_view p = path;; p = tail(p)) {
            if (globMatch(rest, p))
                return true;
            if (p.find('/') == std::string_view::npos)
                return false;
        }
    }
    if (path.empty() || !segmentMatch(first, head(path)))
        return false;
    const bool patternEnds = pattern.find('/') == std::string_view::npos;
    const bool pathEnds = path.find('/') == std::string_view::npos;
    if (patternEnds || pathEnds)
        return patternEnds && pathEnds;
    return globMatch(tail(pattern), tail(path));
}

} // namespace devos::foundation
