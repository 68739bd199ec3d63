// Glob matching by recursion over path segments. '**' may consume zero or more whole segments, so
// "src/**" matches "src/a.cpp" and "src/x/y/a.cpp"; "**/*_test.cpp" matches "a_test.cpp" too.
#include <devos/engine/glob.hpp>

namespace devos::engine {
namespace {

bool segmentMatch(std::string_view pattern, std::string_view text) {
    if (pattern.empty())
        return text.empty();
    if (pattern[0] == '*') {
        for (size_t i = 0; i <= text.size(); ++i)
            if (segmentMatch(pattern.substr(1), text.substr(i)))
                return true;
        return false;
    }
    if (text.empty())
        return false;
    if (pattern[0] != '?' && pattern[0] != text[0])
        return false;
    return segmentMatch(pattern.substr(1), text.substr(1));
}

std::string_view head(std::string_view s) { return s.substr(0, s.find('/')); }
std::string_view tail(std::string_view s) {
    size_t slash = s.find('/');
    return slash == std::string_view::npos ? std::string_view{} : s.substr(slash + 1);
}

bool pathMatch(std::string_view pattern, std::string_view path) {
    if (pattern.empty())
        return path.empty();
    std::string_view first = head(pattern);
    if (first == "**") {
        std::string_view rest = tail(pattern);
        if (rest.empty())
            return true;
        for (std::string_view p = path;; p = tail(p)) {
            if (pathMatch(rest, p))
                return true;
            if (p.find('/') == std::string_view::npos)
                return false;
        }
    }
    if (path.empty())
        return false;
    if (!segmentMatch(first, head(path)))
        return false;
    bool patternEnds = pattern.find('/') == std::string_view::npos;
    bool pathEnds = path.find('/') == std::string_view::npos;
    if (patternEnds || pathEnds)
        return patternEnds && pathEnds;
    return pathMatch(tail(pattern), tail(path));
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view path) { return pathMatch(pattern, path); }

bool namePatternMatch(std::string_view pattern, std::string_view name) {
    if (pattern.starts_with("::"))
        pattern.remove_prefix(2);
    if (name.starts_with("::"))
        name.remove_prefix(2);
    if (pattern.ends_with('*'))
        return name.starts_with(pattern.substr(0, pattern.size() - 1));
    return pattern == name;
}

} // namespace devos::engine
