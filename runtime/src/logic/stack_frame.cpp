// A frame line is peeled from the left: frame marker, address, " in ", lldb module`; the function
// is the next run at bracket depth 0 (so "f(Order const&)" stays whole); what follows (" at x",
// "(x)", "x:12") is the location. glibc's "module(symbol+0x1c)" form is recognised separately.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <cxxabi.h>
#include <devos/foundation/text.hpp>
#include <devos/logic/pattern_text.hpp>
#include <devos/logic/stack_frame.hpp>

namespace devos::logic {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

using foundation::trim;

// Removes a leading frame marker; true when there was one.
bool stripMarker(std::string_view& s) {
    if (s.starts_with("frame #"))
        s.remove_prefix(6);
    if (!s.empty() && s.front() == '#' && s.size() > 1 && isDigit(s[1])) {
        s.remove_prefix(1);
        while (!s.empty() && isDigit(s.front()))
            s.remove_prefix(1);
        if (!s.empty() && s.front() == ':')
            s.remove_prefix(1);
        s = trim(s);
        return true;
    }
    std::size_t n = 0;
    while (n < s.size() && isDigit(s[n]))
        ++n;
    if (n > 0 && n < s.size() && s[n] == '#') {
        s = trim(s.substr(n + 1));
        return true;
    }
    return false;
}

void stripAddress(std::string_view& s) {
    if (s.starts_with("0x")) {
        std::size_t n = 2;
        while (n < s.size() && isHex(s[n]))
            ++n;
        s = trim(s.substr(n));
    }
    if (s.starts_with("in "))
        s = trim(s.substr(3));
}

// Removes every balanced `open ... close` group, except the symbol of `operator<`, `operator()` ...
std::string removeGroups(std::string_view s, char open, char close) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == open && depth == 0 && out.size() >= 8 && out.ends_with("operator")) {
            out += c;
            if (i + 1 < s.size() && (s[i + 1] == open || s[i + 1] == '='))
                out += s[++i];
            continue;
        }
        if (c == open) {
            ++depth;
            continue;
        }
        if (c == close && depth > 0) {
            --depth;
            continue;
        }
        if (depth == 0)
            out += c;
    }
    return out;
}

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

// Normalizer v1's decoder: `_Z[N][K]<len><name>...E...` into "a::b"; the input unchanged when it is
// anything else (`_ZNSt...` included).
std::string demangleNested(std::string_view sym) {
    if (!sym.starts_with("_Z"))
        return std::string(sym);
    std::size_t i = 2;
    bool nested = i < sym.size() && sym[i] == 'N';
    if (nested)
        ++i;
    while (i < sym.size() && (sym[i] == 'K' || sym[i] == 'V' || sym[i] == 'r'))
        ++i;
    std::string out, last;
    while (i < sym.size() && isDigit(sym[i])) {
        std::size_t len = 0;
        while (i < sym.size() && isDigit(sym[i]))
            len = len * 10 + static_cast<std::size_t>(sym[i++] - '0');
        if (i + len > sym.size())
            return std::string(sym);
        last = std::string(sym.substr(i, len));
        out += (out.empty() ? "" : "::") + last;
        i += len;
        if (!nested)
            break;
        if (i + 1 < sym.size() && sym[i] == 'C' && isDigit(sym[i + 1]))
            out += "::" + last;
        if (i + 1 < sym.size() && sym[i] == 'D' && isDigit(sym[i + 1]))
            out += "::~" + last;
    }
    return out.empty() ? std::string(sym) : out;
}

// Any Itanium-mangled name through the C++ ABI's demangler; the input unchanged when it is not one.
std::string demangleItanium(std::string_view sym) {
    std::string name(sym);
    if (!name.starts_with("_Z"))
        return name;
    int status = 0;
    char* decoded = abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status);
    std::string out = status == 0 && decoded ? std::string(decoded) : name;
    std::free(decoded);
    return out;
}

bool isSystemFunction(std::string_view f) {
    constexpr std::array<std::string_view, 22> prefixes = {
        "std::",   "__gnu_cxx::", "__cxxabiv1::", "testing::",   "__libc_",       "__GI_",
        "_start",  "__cxa_",      "__asan",       "__sanitizer", "__interceptor", "__lsan",
        "__ubsan", "__pthread",   "start_thread", "clone",       "__clone",       "_dl_",
        "abort",   "raise",       "__invoke",     "boost::"};
    for (auto p : prefixes)
        if (f.starts_with(p))
            return true;
    return false;
}

bool isSystemPath(std::string_view p) {
    return p.starts_with("/usr/") || p.starts_with("/lib") || p.starts_with("/opt/") ||
           p.find(".so") != std::string_view::npos || p.find("<build>/_deps/") != std::string_view::npos;
}

bool isMarked(std::string_view line) {
    line = trim(line);
    return stripMarker(line);
}

} // namespace

std::string cleanFunctionName(std::string_view name, Demangling demangling) {
    std::string s;
    if (demangling == Demangling::Itanium) {
        std::string_view symbol = trim(name);
        if (auto plus = symbol.find("+0x"); plus != std::string_view::npos)
            symbol = symbol.substr(0, plus);
        s = demangleItanium(symbol);
        if (auto clone = s.find(" [clone "); clone != std::string::npos)
            s.erase(clone);
    } else {
        s = demangleNested(trim(name));
    }
    replaceAll(s, "(anonymous namespace)", "anon");
    replaceAll(s, "[abi:cxx11]", "");
    if (auto plus = s.find("+0x"); plus != std::string::npos)
        s.erase(plus);
    s = removeGroups(s, '<', '>');
    s = removeGroups(s, '(', ')');
    for (auto pos = s.find("#"); pos != std::string::npos; pos = s.find("#")) {
        std::size_t end = pos + 1;
        while (end < s.size() && isDigit(s[end]))
            ++end;
        s.erase(pos, end - pos);
    }
    for (std::string_view q : {" const", " volatile", " &&", " &"})
        if (s.ends_with(q))
            s.erase(s.size() - q.size());
    std::string_view cleaned = trim(s);
    if (demangling == Demangling::Itanium) {
        // A function template's full name starts with its return type: "void ns::run<int>(int)".
        std::size_t nameEnd = std::min(cleaned.find("operator"), cleaned.size());
        if (auto space = cleaned.substr(0, nameEnd).rfind(' '); space != std::string_view::npos)
            cleaned = cleaned.substr(space + 1);
    }
    return std::string(cleaned);
}

std::optional<StackFrame> parseFrame(std::string_view line, Demangling demangling) {
    std::string_view s = trim(line);
    if (s.empty())
        return std::nullopt;
    stripMarker(s);
    stripAddress(s);
    if (auto tick = s.find('`'); tick != std::string_view::npos)
        s = s.substr(tick + 1);
    // glibc backtrace_symbols: module(symbol+0x1c) [0x...]
    auto paren = s.find('(');
    if (paren != std::string_view::npos && paren > 0 &&
        (s.substr(0, paren).find('/') != std::string_view::npos ||
         s.substr(0, paren).find(".so") != std::string_view::npos)) {
        auto closing = s.find(')', paren);
        std::string_view symbol = s.substr(
            paren + 1, closing == std::string_view::npos ? std::string_view::npos : closing - paren - 1);
        StackFrame frame{cleanFunctionName(symbol, demangling), normalizePath(s.substr(0, paren)), true};
        frame.inApp = !isSystemFunction(frame.function) && !isSystemPath(s.substr(0, paren));
        return frame;
    }
    std::size_t end = 0;
    int depth = 0;
    while (end < s.size() && !(depth == 0 && s[end] == ' ')) {
        if (s[end] == '(' || s[end] == '<' || s[end] == '[' || s[end] == '{')
            ++depth;
        if ((s[end] == ')' || s[end] == '>' || s[end] == ']' || s[end] == '}') && depth > 0)
            --depth;
        ++end;
    }
    std::string_view function = s.substr(0, end);
    std::string_view rest = trim(s.substr(end));
    for (std::string_view q : {"const ", "volatile ", "&& ", "& "})
        if (rest.starts_with(q))
            rest = trim(rest.substr(q.size()));
    if (!rest.empty() && rest.front() == '(') { // gdb: "f (x=1) at file.c:3" puts the arguments apart
        auto close = rest.find(')');
        if (close != std::string_view::npos && trim(rest.substr(close + 1)).starts_with("at "))
            rest = trim(rest.substr(close + 1));
    }
    if (rest.starts_with("at "))
        rest = trim(rest.substr(3));
    if (rest.starts_with("+ ")) { // lldb: "f() + 12 at file.cpp:3"
        auto at = rest.find(" at ");
        rest = at == std::string_view::npos ? std::string_view{} : trim(rest.substr(at + 4));
    }
    if (!rest.empty() && rest.front() == '(' && rest.back() == ')')
        rest = rest.substr(1, rest.size() - 2);
    if (auto plus = rest.find("+0x"); plus != std::string_view::npos)
        rest = rest.substr(0, plus);
    if (auto space = rest.find(' '); space != std::string_view::npos)
        rest = rest.substr(0, space);
    StackFrame frame{cleanFunctionName(function, demangling),
                     rest.empty() ? std::string{} : normalizePath(rest), true};
    frame.inApp = !isSystemFunction(frame.function) && !isSystemPath(rest);
    return frame;
}

std::vector<std::string> topInAppFrames(std::string_view stackTrace, std::size_t count,
                                        Demangling demangling) {
    std::vector<std::string_view> lines;
    bool anyMarked = false;
    for (std::size_t start = 0; start < stackTrace.size();) {
        std::size_t end = stackTrace.find('\n', start);
        if (end == std::string_view::npos)
            end = stackTrace.size();
        lines.push_back(stackTrace.substr(start, end - start));
        anyMarked = anyMarked || isMarked(lines.back());
        start = end + 1;
    }
    std::vector<std::string> frames;
    for (auto line : lines) {
        if (frames.size() == count)
            break;
        if (anyMarked && !isMarked(line))
            continue;
        auto frame = parseFrame(line, demangling);
        if (!frame || !frame->inApp)
            continue;
        std::string text = frame->function.empty() || frame->function == "??" ? frame->file : frame->function;
        if (!text.empty())
            frames.push_back(std::move(text));
    }
    return frames;
}

} // namespace devos::logic
