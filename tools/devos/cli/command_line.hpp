#pragma once
#include "cli/args.hpp"
#include "cli/exit_code.hpp"

#include <expected>
#include <string>
#include <vector>

namespace devos::cli {

// A command's command line, declared once: `devos <name> --help` is rendered from it and its
// arguments are parsed and checked against it.
struct CommandLine {
    std::string name{};            // "check": usage errors read "devos check: ..."
    std::string usage{};           // the usage lines ("usage: devos check -p <build-dir> ...")
    std::string about{};           // what the command does, between the usage and the options; may be empty
    std::vector<Option> options{}; // listed under "options:" in declaration order
    std::string notes{};           // after the options (exit codes); may be empty
};

// The --help text: usage, about, "options:" with one aligned entry per listed option, notes.
[[nodiscard]] std::string renderHelp(const CommandLine& command);

// The start of every command: parses `argv` against `command`. Prints the help for --help (exit 0)
// and a usage error as "devos <name>: <what is wrong>" (exit 2); either way returns the exit code to
// stop with, else the parsed arguments.
[[nodiscard]] std::expected<Args, int> readCommandLine(const CommandLine& command,
                                                       const std::vector<std::string>& argv);

} // namespace devos::cli
