// Proposal validation (issue 11 part 3): pure checks over the proposed files and facts gathered by
// the service. Every rule that fails adds a Rejection; nothing is fixed up silently.
#include <algorithm>
#include <cctype>
#include <devos/foundation/text.hpp>
#include <devos/logic/path_glob.hpp>
#include <devos/logic/proposal_validation.hpp>
#include <devos/logic/text_lines.hpp>
#include <devos/logic/unified_diff.hpp>

namespace devos::logic {
namespace {

using contracts::Rejection;

constexpr std::string_view kStandardHeaders[] = {"algorithm",
                                                 "any",
                                                 "array",
                                                 "atomic",
                                                 "barrier",
                                                 "bit",
                                                 "bitset",
                                                 "cassert",
                                                 "cctype",
                                                 "cerrno",
                                                 "cfenv",
                                                 "cfloat",
                                                 "charconv",
                                                 "chrono",
                                                 "cinttypes",
                                                 "climits",
                                                 "clocale",
                                                 "cmath",
                                                 "codecvt",
                                                 "compare",
                                                 "complex",
                                                 "concepts",
                                                 "condition_variable",
                                                 "coroutine",
                                                 "csetjmp",
                                                 "csignal",
                                                 "cstdarg",
                                                 "cstddef",
                                                 "cstdint",
                                                 "cstdio",
                                                 "cstdlib",
                                                 "cstring",
                                                 "ctime",
                                                 "cuchar",
                                                 "cwchar",
                                                 "cwctype",
                                                 "deque",
                                                 "exception",
                                                 "execution",
                                                 "expected",
                                                 "filesystem",
                                                 "flat_map",
                                                 "flat_set",
                                                 "format",
                                                 "forward_list",
                                                 "fstream",
                                                 "functional",
                                                 "future",
                                                 "generator",
                                                 "initializer_list",
                                                 "iomanip",
                                                 "ios",
                                                 "iosfwd",
                                                 "iostream",
                                                 "istream",
                                                 "iterator",
                                                 "latch",
                                                 "limits",
                                                 "list",
                                                 "locale",
                                                 "map",
                                                 "mdspan",
                                                 "memory",
                                                 "memory_resource",
                                                 "mutex",
                                                 "new",
                                                 "numbers",
                                                 "numeric",
                                                 "optional",
                                                 "ostream",
                                                 "print",
                                                 "queue",
                                                 "random",
                                                 "ranges",
                                                 "ratio",
                                                 "regex",
                                                 "scoped_allocator",
                                                 "semaphore",
                                                 "set",
                                                 "shared_mutex",
                                                 "source_location",
                                                 "span",
                                                 "spanstream",
                                                 "sstream",
                                                 "stack",
                                                 "stacktrace",
                                                 "stdexcept",
                                                 "stdfloat",
                                                 "stop_token",
                                                 "streambuf",
                                                 "string",
                                                 "string_view",
                                                 "syncstream",
                                                 "system_error",
                                                 "thread",
                                                 "tuple",
                                                 "type_traits",
                                                 "typeindex",
                                                 "typeinfo",
                                                 "unordered_map",
                                                 "unordered_set",
                                                 "utility",
                                                 "valarray",
                                                 "variant",
                                                 "vector",
                                                 "version",
                                                 "assert.h",
                                                 "ctype.h",
                                                 "errno.h",
                                                 "fenv.h",
                                                 "float.h",
                                                 "inttypes.h",
                                                 "limits.h",
                                                 "locale.h",
                                                 "math.h",
                                                 "setjmp.h",
                                                 "signal.h",
                                                 "stdarg.h",
                                                 "stddef.h",
                                                 "stdint.h",
                                                 "stdio.h",
                                                 "stdlib.h",
                                                 "string.h",
                                                 "time.h",
                                                 "uchar.h",
                                                 "wchar.h",
                                                 "wctype.h",
                                                 "stdbool.h"};

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        out.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return out;
}

std::string_view fileName(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool endsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes) {
    return std::ranges::any_of(suffixes, [&](std::string_view x) { return s.ends_with(x); });
}

std::string buildOutputReason(std::string_view path, std::span<const std::string> buildDirs) {
    for (const auto& dir : buildDirs)
        if (!dir.empty() && (path == dir || path.starts_with(dir + "/")))
            return "it is in the build folder " + dir;
    const auto parts = segments(path);
    const std::string first = foundation::lower(parts.front());
    if (parts.size() > 1 && (first == "build" || first == "_build" || first.starts_with("build-") ||
                             first.starts_with("build_") || first.starts_with("cmake-build-")))
        return "it is in the build folder " + std::string(parts.front());
    for (const auto& p : parts)
        if (p == "CMakeFiles")
            return "it is in a CMakeFiles folder";
    const std::string name = foundation::lower(fileName(path));
    if (name == "cmakecache.txt" || name == "compile_commands.json" || name == "build.ninja")
        return "it is a file CMake or Ninja writes";
    if (endsWithAny(name, {".o", ".obj", ".a", ".so", ".dylib", ".dll", ".exe", ".gcda", ".gcno", ".pch"}))
        return "it is a compiler or linker output";
    return {};
}

// `name(` calls of a CMake file, with the first argument and the line; case-insensitive command names.
struct CMakeCall {
    std::string command; // lower-case
    std::vector<std::string> args;
    unsigned line = 0;
};

std::vector<CMakeCall> cmakeCalls(std::string_view text) {
    std::vector<CMakeCall> calls;
    std::size_t i = 0;
    unsigned line = 1;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n')
                ++i;
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') {
            std::size_t j = i;
            while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
                ++j;
            std::size_t k = j;
            while (k < text.size() && (text[k] == ' ' || text[k] == '\t'))
                ++k;
            if (k >= text.size() || text[k] != '(') {
                i = j;
                continue;
            }
            CMakeCall call{foundation::lower(text.substr(i, j - i)), {}, line};
            std::size_t p = k + 1;
            int depth = 1;
            std::string arg;
            bool quoted = false;
            auto flush = [&] {
                if (!arg.empty())
                    call.args.push_back(arg);
                arg.clear();
            };
            while (p < text.size() && depth > 0) {
                const char d = text[p];
                if (d == '\n')
                    ++line;
                if (quoted) {
                    if (d == '"')
                        quoted = false;
                    else
                        arg += d;
                } else if (d == '"') {
                    quoted = true;
                } else if (d == '#') {
                    while (p + 1 < text.size() && text[p + 1] != '\n')
                        ++p;
                } else if (d == '(') {
                    ++depth;
                    arg += d;
                } else if (d == ')') {
                    if (--depth > 0)
                        arg += d;
                } else if (d == ' ' || d == '\t' || d == '\n' || d == '\r') {
                    flush();
                } else {
                    arg += d;
                }
                ++p;
            }
            flush();
            calls.push_back(std::move(call));
            i = p;
        } else {
            ++i;
        }
    }
    return calls;
}

bool isLinkKeyword(const std::string& arg) {
    return arg == "PUBLIC" || arg == "PRIVATE" || arg == "INTERFACE" || arg == "LINK_PUBLIC" ||
           arg == "LINK_PRIVATE" || arg == "LINK_INTERFACE_LIBRARIES" || arg == "debug" ||
           arg == "optimized" || arg == "general";
}

// Keys of the dependency-bearing calls of a CMake file: "find_package PKG", "fetch NAME",
// "link TARGET ITEM", each with the line of the call.
std::vector<std::pair<std::string, unsigned>> dependencyKeys(std::string_view text) {
    std::vector<std::pair<std::string, unsigned>> keys;
    for (const auto& call : cmakeCalls(text)) {
        if (call.command == "find_package" && !call.args.empty())
            keys.emplace_back("find_package " + call.args[0], call.line);
        else if ((call.command == "fetchcontent_declare" || call.command == "externalproject_add" ||
                  call.command == "fetchcontent_populate") &&
                 !call.args.empty())
            keys.emplace_back("fetch " + call.args[0], call.line);
        else if (call.command == "fetchcontent_makeavailable")
            for (const auto& a : call.args)
                keys.emplace_back("fetch " + a, call.line);
        else if (call.command == "target_link_libraries" && call.args.size() > 1)
            for (std::size_t k = 1; k < call.args.size(); ++k)
                if (!isLinkKeyword(call.args[k]))
                    keys.emplace_back("link " + call.args[0] + " " + call.args[k], call.line);
    }
    return keys;
}

void checkCMake(const contracts::CodeDiff& d, std::vector<Rejection>& out) {
    const auto before = dependencyKeys(d.before);
    std::vector<std::string> reported;
    for (const auto& [key, line] : dependencyKeys(d.after)) {
        if (std::ranges::find(before, key, &std::pair<std::string, unsigned>::first) != before.end() ||
            std::ranges::find(reported, key) != reported.end())
            continue;
        reported.push_back(key);
        const auto space = key.find(' ');
        const std::string kind = key.substr(0, space), what = key.substr(space + 1);
        if (kind == "find_package")
            out.push_back(
                {"dependency.find-package", d.path, line, "the proposal adds find_package(" + what + ")",
                 "self-heal never adds a dependency: fix the code with what the repo already uses"});
        else if (kind == "fetch")
            out.push_back({"dependency.fetchcontent", d.path, line,
                           "the proposal fetches " + what + " at build time",
                           "self-heal never adds a dependency; nothing may be downloaded at build time"});
        else
            out.push_back({"dependency.link", d.path, line,
                           "the proposal links " + what.substr(what.find(' ') + 1) + " into " +
                               what.substr(0, what.find(' ')),
                           "self-heal never adds a target_link_libraries item"});
    }
}

void checkIncludes(const contracts::CodeDiff& d, std::span<const std::string> repoFiles,
                   std::vector<Rejection>& out) {
    const auto before = foundation::includeDirectives(d.before);
    for (const auto& inc : foundation::includeDirectives(d.after)) {
        if (std::ranges::find(before, inc.header, &foundation::IncludeDirective::header) != before.end() ||
            isStandardHeader(inc.header) || !resolveInclude(inc.header, d.path, repoFiles).empty())
            continue;
        out.push_back(
            {"dependency.include", d.path, inc.line,
             "the proposal includes <" + inc.header +
                 ">, which is neither a file of the repository, a standard header, nor already included here",
             "self-heal never adds a dependency: use the headers the repo already has"});
    }
}

} // namespace

bool isLogicPath(std::string_view path) {
    const auto parts = segments(path);
    return std::find(parts.begin(), parts.end() - 1, std::string_view("logic")) != parts.end() - 1;
}

bool isTestPath(std::string_view path) {
    const auto parts = segments(path);
    for (std::size_t k = 0; k + 1 < parts.size(); ++k)
        if (parts[k] == "tests" || parts[k] == "test")
            return true;
    const std::string_view name = parts.back();
    const auto dot = name.rfind('.');
    const std::string_view stem = name.substr(0, dot);
    return stem.ends_with("_test") || stem.ends_with("_tests");
}

bool isCMakePath(std::string_view path) {
    const std::string_view name = fileName(path);
    return name == "CMakeLists.txt" || name.ends_with(".cmake");
}

bool isStandardHeader(std::string_view header) {
    return std::ranges::find(kStandardHeaders, header) != std::end(kStandardHeaders);
}

std::string resolveInclude(std::string_view header, std::string_view includer,
                           std::span<const std::string> repoFiles) {
    const auto slash = includer.rfind('/');
    const std::string sibling = slash == std::string_view::npos
                                    ? std::string(header)
                                    : std::string(includer.substr(0, slash + 1)) + std::string(header);
    if (std::ranges::find(repoFiles, sibling) != repoFiles.end())
        return sibling;
    const std::string suffix = "/" + std::string(header);
    for (const auto& f : repoFiles)
        if (f == header || f.ends_with(suffix))
            return f;
    return {};
}

std::optional<Rejection> checkProposedPath(std::string_view path) {
    const std::string hint = "a proposal may only change files inside the repository";
    if (path.empty())
        return Rejection{"path.outside-repo", std::string(path), 0, "the proposal names an empty path", hint};
    if (path.front() == '/' || path.front() == '~' || path.find('\\') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos || (path.size() > 1 && path[1] == ':'))
        return Rejection{"path.outside-repo", std::string(path), 0,
                         "the proposal names " + std::string(path) + ", which is not a repo-relative path",
                         hint};
    for (const auto& part : segments(path)) {
        if (part == "..")
            return Rejection{
                "path.outside-repo", std::string(path), 0,
                "the proposal names " + std::string(path) + ", which climbs out of the repository", hint};
        if (foundation::lower(part) == ".git")
            return Rejection{"path.git-dir", std::string(path), 0,
                             "the proposal writes " + std::string(path) + " under .git/",
                             "git's own files are never edited"};
        if (part.empty() || part == ".")
            return Rejection{"path.outside-repo", std::string(path), 0,
                             "the proposal names " + std::string(path) + ", which is not a normalized path",
                             hint};
    }
    return std::nullopt;
}

std::optional<Rejection> checkPathFact(const contracts::PathFact& fact) {
    const std::string& path = fact.path;
    if (fact.kind == contracts::PathKind::Symlink || fact.viaSymlink)
        return Rejection{
            "path.symlink", path, 0,
            path + " is a symbolic link (or lies under one): writing it could change a file outside the "
                   "repository",
            "self-heal never writes through symlinks; change the file it points to if it is in the repo"};
    if (fact.kind == contracts::PathKind::Directory || fact.kind == contracts::PathKind::Special)
        return Rejection{"path.not-a-file", path, 0, path + " is not a regular file",
                         "edit regular files only"};
    if (fact.kind == contracts::PathKind::Missing)
        return Rejection{"path.missing", path, 0, path + " does not exist at the failing commit",
                         "self-heal edits existing files only"};
    return std::nullopt;
}

std::vector<Rejection> validateProposal(const ValidationInput& in, const contracts::SelfHealConfig& config) {
    std::vector<Rejection> out;
    if (in.diffs.empty()) {
        out.push_back(
            {"diff.empty", {}, 0, "the proposal changes nothing", "an agent must propose at least one edit"});
        return out;
    }
    for (const auto& d : in.diffs) {
        if (auto bad = checkProposedPath(d.path)) {
            out.push_back(std::move(*bad));
            continue;
        }
        const auto fact = std::ranges::find(in.facts, d.path, &contracts::PathFact::path);
        if (auto bad = checkPathFact(fact == in.facts.end()
                                         ? contracts::PathFact{d.path, contracts::PathKind::Missing, false}
                                         : *fact)) {
            out.push_back(std::move(*bad));
            continue;
        }
        if (const auto glob = firstMatchingGlob(config.sensitivePaths, d.path); !glob.empty()) {
            out.push_back({"path.sensitive", d.path, 0, d.path + " matches paths.sensitive '" + glob + "'",
                           "sensitive files are changed by people; edit paths.sensitive in " +
                               (config.origin.empty() ? std::string(".devos/self-heal.yml") : config.origin) +
                               " only if this is wrong"});
            continue;
        }
        if (const auto why = buildOutputReason(d.path, in.buildDirs); !why.empty()) {
            out.push_back({"path.build-output", d.path, 0, d.path + " is a build output: " + why,
                           "change sources, never what the build writes"});
            continue;
        }
        if (isCMakePath(d.path))
            checkCMake(d, out);
        else
            checkIncludes(d, in.repoFiles, out);
        if (!in.failingTestSource.empty() && d.path == in.failingTestSource)
            out.push_back(
                {"test.edits-failing-test", d.path, 0,
                 "the proposal edits " + d.path + ", the source of the failing test " + in.failingTest,
                 "a fix makes the failing test pass without changing it"});
        if (isLogicPath(d.path) && std::ranges::find(in.coveredFiles, d.path) == in.coveredFiles.end())
            out.push_back(
                {"logic.untested", d.path, 0,
                 d.path + " is in logic/ and no test covers it" +
                     (in.failingTest.empty()
                          ? std::string(" (the signal has no failing test)")
                          : " (the failing test " + in.failingTest + " does not include its header)"),
                 "logic/ changes need a covering test: the failing test the proof flips, or a test that "
                 "includes this file's header"});
    }
    const auto stats = diffStats(in.diffs);
    if (stats.files > config.limits.maxFiles)
        out.push_back({"limits.files",
                       {},
                       0,
                       "the proposal changes " + std::to_string(stats.files) +
                           " files, more than limits.maxFiles (" + std::to_string(config.limits.maxFiles) +
                           ")",
                       "raise limits.maxFiles in .devos/self-heal.yml if larger fixes are expected"});
    if (stats.added + stats.removed > config.limits.maxChangedLines)
        out.push_back({"limits.lines",
                       {},
                       0,
                       "the proposal changes " + std::to_string(stats.added + stats.removed) +
                           " lines, more than limits.maxChangedLines (" +
                           std::to_string(config.limits.maxChangedLines) + ")",
                       "raise limits.maxChangedLines in .devos/self-heal.yml if larger fixes are expected"});
    return out;
}

} // namespace devos::logic
