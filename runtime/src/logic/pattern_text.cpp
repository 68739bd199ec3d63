// Message normalization is a single left-to-right scan. At each position it tries, in order: a uuid,
// a 0x address, a path-like run (kept through normalizePath when it contains '/' or ends in a
// source extension, with any `:line[:col]` after it dropped), a hex hash, a number; anything else
// is copied. Runs are only considered at their start, so a number inside an identifier (int32_t,
// test2) is left alone and ids stay readable.
#include <array>
#include <devos/logic/pattern_text.hpp>
#include <vector>

namespace devos::logic {
namespace {

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isWordChar(char c) {
    return isAlpha(c) || isDigit(c) || c == '_';
}
bool isPathChar(char c) {
    return isWordChar(c) || c == '.' || c == '-' || c == '/' || c == '~' || c == '+';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Length of a uuid (8-4-4-4-12 hex) at s[i], or 0.
std::size_t uuidAt(std::string_view s, std::size_t i) {
    constexpr std::array<std::size_t, 5> groups = {8, 4, 4, 4, 12};
    std::size_t pos = i;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t k = 0; k < groups[g]; ++k, ++pos)
            if (pos >= s.size() || !isHex(s[pos]))
                return 0;
        if (g + 1 < groups.size()) {
            if (pos >= s.size() || s[pos] != '-')
                return 0;
            ++pos;
        }
    }
    if (pos < s.size() && isWordChar(s[pos]))
        return 0;
    return pos - i;
}

// Length of `:123` or `:123:45` at s[i], or 0.
std::size_t lineSuffixAt(std::string_view s, std::size_t i) {
    std::size_t pos = i;
    for (int part = 0; part < 2; ++part) {
        if (pos + 1 >= s.size() || s[pos] != ':' || !isDigit(s[pos + 1]))
            break;
        ++pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
    }
    return pos - i;
}

bool isBuildDir(std::string_view c) {
    return c == "build" || c == "_build" || c.starts_with("build-") || c.starts_with("build_") ||
           c.starts_with("cmake-build-");
}

bool isSourceRoot(std::string_view c) {
    return c == "src" || c == "include" || c == "tests" || c == "test" || c == "lib" || c == "tools" ||
           c == "examples";
}

std::vector<std::string_view> components(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos)
            end = path.size();
        if (end > start && path.substr(start, end - start) != ".")
            parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::string joinFrom(const std::vector<std::string_view>& parts, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < parts.size(); ++i) {
        if (!out.empty())
            out += '/';
        out += parts[i];
    }
    return out;
}

} // namespace

bool hasSourceExtension(std::string_view name) {
    constexpr std::array<std::string_view, 16> exts = {".c",  ".cc",  ".cpp", ".cxx", ".c++", ".h",
                                                       ".hh", ".hpp", ".hxx", ".inl", ".ipp", ".cu",
                                                       ".py", ".rs",  ".go",  ".ts"};
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos)
        return false;
    std::string ext;
    for (char c : name.substr(dot))
        ext += lower(c);
    for (auto e : exts)
        if (ext == e)
            return true;
    return false;
}

std::string normalizePath(std::string_view path) {
    auto colon = path.find(':');
    if (colon != std::string_view::npos && lineSuffixAt(path, colon) == path.size() - colon)
        path = path.substr(0, colon);
    for (std::string_view tmp :
         {"/tmp", "/var/tmp", "/var/folders", "/private/var/folders", "/private/tmp", "/dev/shm"})
        if (path == tmp || path.starts_with(std::string(tmp) + "/"))
            return "<tmp>";
    auto parts = components(path);
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (isBuildDir(parts[i]))
            return i + 1 < parts.size() ? "<build>/" + joinFrom(parts, i + 1) : "<build>";
    bool absolute = path.starts_with("/") || path.starts_with("~");
    if (!absolute)
        return joinFrom(parts, 0);
    for (std::size_t i = parts.size(); i-- > 0;)
        if (isSourceRoot(parts[i]) && i + 1 < parts.size())
            return joinFrom(parts, i);
    return parts.empty() ? std::string{} : std::string(parts.back());
}

std::string normalizeMessage(std::string_view message) {
    std::string lowered;
    lowered.reserve(message.size());
    for (char c : message)
        lowered += lower(c);
    std::string_view s = lowered;
    std::string out;
    out.reserve(s.size());
    auto previousIsWord = [&] { return !out.empty() && isWordChar(out.back()); };
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (isSpace(c)) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
            ++i;
            continue;
        }
        bool runStart = isPathChar(c) && (i == 0 || !isPathChar(s[i - 1]));
        if (!previousIsWord()) {
            if (std::size_t n = uuidAt(s, i)) {
                out += "<uuid>";
                i += n;
                continue;
            }
            if (c == '0' && i + 2 < s.size() && s[i + 1] == 'x' && isHex(s[i + 2])) {
                i += 2;
                while (i < s.size() && isHex(s[i]))
                    ++i;
                out += "<addr>";
                continue;
            }
        }
        if (runStart) {
            std::size_t end = i;
            while (end < s.size() && isPathChar(s[end]))
                ++end;
            std::string_view run = s.substr(i, end - i);
            bool hasLetter = false;
            for (char r : run)
                hasLetter = hasLetter || isAlpha(r);
            bool isPath = run.find('/') != std::string_view::npos && hasLetter;
            if (isPath || hasSourceExtension(run)) {
                out += isPath ? normalizePath(run) : std::string(run);
                i = end;
                if (hasSourceExtension(run))
                    i += lineSuffixAt(s, i);
                continue;
            }
        }
        if (!previousIsWord() && isHex(c)) {
            std::size_t end = i;
            bool digit = false, letter = false;
            while (end < s.size() && isHex(s[end])) {
                (isDigit(s[end]) ? digit : letter) = true;
                ++end;
            }
            if (end - i >= 7 && digit && letter && (end == s.size() || !isWordChar(s[end]))) {
                out += "<hash>";
                i = end;
                continue;
            }
        }
        if (isDigit(c) && !previousIsWord()) {
            while (i < s.size() && isDigit(s[i]))
                ++i;
            out += "<n>";
            continue;
        }
        out += c;
        ++i;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace devos::logic
