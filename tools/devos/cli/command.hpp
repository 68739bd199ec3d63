#pragma once
#include "cli/exit_code.hpp"

#include <string>
#include <vector>

namespace devos::cli {

// One `devos <name>` subcommand. `run` gets the arguments after the command name.
struct Command {
    const char* name;
    const char* summary; // one line for `devos --help`
    int (*run)(const std::vector<std::string>& args);
};

// Every command, in the order `devos --help` lists them (commands/command_list.cpp).
const std::vector<Command>& allCommands();

} // namespace devos::cli
