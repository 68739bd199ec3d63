// devos: the command-line front end. Dispatches to one Command per subcommand; every command
// returns 0 (success), 1 (findings or a failed gate) or 2 (usage or configuration error).
#include "cli/command.hpp"

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

void printUsage(FILE* out) {
    std::fprintf(out, "usage: devos <command> [options]\n\ncommands:\n");
    for (const auto& c : devos::cli::allCommands())
        std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out,
                 "\nRun `devos <command> --help` for a command's options.\n"
                 "Exit codes: 0 success, 1 findings or a failed gate, 2 usage or configuration error.\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        printUsage(stderr);
        return devos::cli::kUsage;
    }
    std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(stdout);
        return devos::cli::kSuccess;
    }
    if (name == "--version") {
        std::printf("devos %s\n", DEVOS_VERSION);
        return devos::cli::kSuccess;
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : devos::cli::allCommands()) {
        if (name != c.name)
            continue;
        try {
            return c.run(args);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "devos %s: internal error: %s\n  please report this with the command line\n",
                         c.name, e.what());
            return devos::cli::kUsage;
        }
    }
    std::fprintf(stderr, "devos: unknown command '%s'\n\n", name.c_str());
    printUsage(stderr);
    return devos::cli::kUsage;
}
