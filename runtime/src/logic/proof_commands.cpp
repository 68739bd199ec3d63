#include <algorithm>
#include <charconv>
#include <devos/logic/proof_commands.hpp>
#include <devos/logic/text_lines.hpp>

namespace devos::logic {
namespace {

constexpr std::string_view kCopiedCMakeEntries[] = {"CMAKE_BUILD_TYPE",
                                                    "CMAKE_C_COMPILER",
                                                    "CMAKE_CXX_COMPILER",
                                                    "CMAKE_C_COMPILER_LAUNCHER",
                                                    "CMAKE_CXX_COMPILER_LAUNCHER",
                                                    "CMAKE_C_FLAGS",
                                                    "CMAKE_CXX_FLAGS",
                                                    "CMAKE_CXX_STANDARD",
                                                    "CMAKE_PREFIX_PATH",
                                                    "CMAKE_MODULE_PATH",
                                                    "CMAKE_TOOLCHAIN_FILE",
                                                    "CMAKE_EXE_LINKER_FLAGS",
                                                    "CMAKE_SHARED_LINKER_FLAGS",
                                                    "CMAKE_PROJECT_TOP_LEVEL_INCLUDES",
                                                    "CMAKE_EXPORT_COMPILE_COMMANDS"};

bool under(std::string_view value, std::string_view dir) {
    return !dir.empty() && (value == dir || (value.starts_with(dir) && value.size() > dir.size() &&
                                             value[dir.size()] == '/'));
}

} // namespace

std::vector<contracts::CMakeCacheEntry> parseCMakeCache(std::string_view text) {
    std::vector<contracts::CMakeCacheEntry> entries;
    std::vector<std::string> advanced;
    for (const auto& raw : splitLines(text).lines) {
        std::string_view line = raw;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (line.empty() || line.starts_with('#') || line.starts_with("//"))
            continue;
        const auto eq = line.find('=');
        const auto colon = line.substr(0, eq).rfind(':');
        if (eq == std::string_view::npos || colon == std::string_view::npos)
            continue;
        std::string name(line.substr(0, colon));
        if (name.size() > 1 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        const std::string type(line.substr(colon + 1, eq - colon - 1));
        const std::string value(line.substr(eq + 1));
        if (name.ends_with("-ADVANCED") && type == "INTERNAL") {
            if (value == "1")
                advanced.push_back(name.substr(0, name.size() - 9));
            continue;
        }
        entries.push_back({name, type, value, false});
    }
    for (auto& e : entries)
        e.advanced = std::ranges::find(advanced, e.name) != advanced.end();
    return entries;
}

std::optional<std::string> cacheValue(std::span<const contracts::CMakeCacheEntry> entries,
                                      std::string_view name) {
    const auto it = std::ranges::find(entries, name, &contracts::CMakeCacheEntry::name);
    return it == entries.end() ? std::nullopt : std::optional(it->value);
}

std::vector<std::string> configureArguments(std::span<const contracts::CMakeCacheEntry> entries,
                                            std::string_view userBuildDir, std::string_view userSourceDir,
                                            std::string_view worktreeSource) {
    std::vector<std::string> args;
    if (const auto generator = cacheValue(entries, "CMAKE_GENERATOR"); generator && !generator->empty()) {
        args.push_back("-G");
        args.push_back(*generator);
    }
    for (const auto& e : entries) {
        const bool copiedCMake =
            std::ranges::find(kCopiedCMakeEntries, e.name) != std::end(kCopiedCMakeEntries);
        const bool projectOption = !e.name.starts_with("CMAKE_") && !e.advanced &&
                                   (e.type == "BOOL" || e.type == "STRING" || e.type == "PATH" ||
                                    e.type == "FILEPATH" || e.type == "UNINITIALIZED");
        if (!copiedCMake && !projectOption)
            continue;
        if (e.value.empty() || e.value.ends_with("-NOTFOUND") || under(e.value, userBuildDir))
            continue;
        std::string value = e.value;
        if (under(value, userSourceDir))
            value = std::string(worktreeSource) + value.substr(userSourceDir.size());
        args.push_back("-D" + e.name + ":" + e.type + "=" + value);
    }
    return args;
}

std::string exactTestRegex(std::string_view testName) {
    std::string out = "^";
    for (char c : testName) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out + "$";
}

CtestSummary parseCtestSummary(std::string_view output) {
    constexpr std::string_view marker = " tests failed out of ";
    const auto at = output.rfind(marker);
    if (at == std::string_view::npos)
        return {};
    CtestSummary s;
    std::size_t start = output.rfind(", ", at);
    if (start == std::string_view::npos)
        return {};
    start += 2;
    const auto failedText = output.substr(start, at - start);
    const auto totalStart = at + marker.size();
    std::size_t totalEnd = totalStart;
    while (totalEnd < output.size() && output[totalEnd] >= '0' && output[totalEnd] <= '9')
        ++totalEnd;
    const auto totalText = output.substr(totalStart, totalEnd - totalStart);
    const auto [p1, e1] = std::from_chars(failedText.data(), failedText.data() + failedText.size(), s.failed);
    const auto [p2, e2] = std::from_chars(totalText.data(), totalText.data() + totalText.size(), s.total);
    s.found =
        e1 == std::errc() && e2 == std::errc() && p1 == failedText.data() + failedText.size() && s.total > 0;
    return s;
}

std::string shellQuote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string expandCommand(std::string_view pattern, std::string_view source, std::string_view build,
                          std::string_view test) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        bool replaced = false;
        for (const auto& [name, value] :
             {std::pair{std::string_view("{source}"), source}, std::pair{std::string_view("{build}"), build},
              std::pair{std::string_view("{test}"), test}}) {
            if (pattern.substr(i, name.size()) == name) {
                out += shellQuote(value);
                i += name.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += pattern[i++];
    }
    return out;
}

std::string outputTail(std::string_view output, std::size_t maxLines) {
    auto lines = splitLines(output).lines;
    std::erase_if(lines,
                  [](const std::string& l) { return l.find_first_not_of(" \t\r") == std::string::npos; });
    const std::size_t from = lines.size() > maxLines ? lines.size() - maxLines : 0;
    std::string out;
    for (std::size_t k = from; k < lines.size(); ++k)
        out += lines[k] + "\n";
    return out;
}

} // namespace devos::logic
