#include "cli/command_line.hpp"

#include "cli/exit_code.hpp"

#include <algorithm>
#include <cstdio>

namespace devos::cli {
namespace {

// "  -p, --build-dir DIR": the left column of an option's help entry.
std::string label(const Option& option) {
    std::string text = "  ";
    if (!option.alias.empty())
        text += option.alias + ", ";
    text += option.name;
    if (!option.valueName.empty())
        text += " " + option.valueName;
    return text;
}

} // namespace

std::string renderHelp(const CommandLine& command) {
    std::string out = command.usage + "\n";
    if (!command.about.empty())
        out += "\n" + command.about + "\n";
    std::size_t column = 0;
    for (const auto& option : command.options)
        if (option.listed)
            column = std::max(column, label(option).size() + 3);
    if (column > 0) {
        out += "\noptions:\n";
        for (const auto& option : command.options) {
            if (!option.listed)
                continue;
            std::string left = label(option);
            out += left + std::string(column - left.size(), ' ');
            for (char c : option.help)
                out += c == '\n' ? "\n" + std::string(column, ' ') : std::string(1, c);
            out += "\n";
        }
    }
    if (!command.notes.empty())
        out += "\n" + command.notes + "\n";
    return out;
}

std::expected<Args, int> readCommandLine(const CommandLine& command, const std::vector<std::string>& argv) {
    Args args(command.options);
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos %s: %s\n", command.name.c_str(), args.error().c_str());
        return std::unexpected(kUsage);
    }
    if (args.has("--help")) {
        std::fputs(renderHelp(command).c_str(), stdout);
        return std::unexpected(kSuccess);
    }
    return args;
}

} // namespace devos::cli
