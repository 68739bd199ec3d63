// devos mcp: a Model Context Protocol server over stdio for coding agents (options -> serve).
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "mcp/devos_server.hpp"
#include "mcp/stdio_server.hpp"

#include <csignal>
#include <cstdio>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "mcp",
    .usage = R"(usage: devos mcp [--root DIR] [-p BUILD_DIR] [--read-only] [--toolsets a,b] [--tools a,b]
                 [--config FILE] [--db FILE] [--list-tools])",
    .about =
        R"(Serves DevOS to coding agents over the Model Context Protocol on stdin/stdout: JSON-RPC 2.0, one
message per line, logs on stderr, exit at end of input. Speaks the initialize handshake
(2025-06-18, 2025-11-25) and the stateless 2026-07-28 revision (server/discover, _meta per request).)",
    .options = {value("--root", "DIR", "the repo (default: found from the current folder: .devos/ or .git)"),
                value("--build-dir", "DIR",
                      "build folder with compile_commands.json and the gate results (default: ROOT/build)")
                    .withAlias("-p"),
                value("--config", "FILE", "a repo config to use instead of ROOT/.devos/devos.yml"),
                value("--db", "FILE",
                      "telemetry SQLite file (default: DEVOS_DATABASE_URL, else ROOT/.devos/telemetry.db)"),
                flag("--read-only", "serve only the tools whose readOnlyHint is true"),
                value("--toolsets", "LIST",
                      "only these toolsets (comma-separated: core, rules, baseline, gates, telemetry)"),
                value("--tools", "LIST", "only these tools (comma-separated names)"),
                flag("--list-tools", "print the tools/list result as JSON and exit (no server)")},
    .notes = R"(client configuration (e.g. .mcp.json):
  {"mcpServers": {"devos": {"command": "devos", "args": ["mcp", "-p", "build"]}}})",
};

std::set<std::string> commaList(const std::optional<std::string>& text) {
    std::set<std::string> out;
    if (!text)
        return out;
    std::stringstream in(*text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.insert(item);
    return out;
}

} // namespace

int runMcp(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    if (!args->positionals().empty())
        return usageError("mcp", "takes no positional arguments (see --help)");
    mcp::DevosServerOptions options;
    std::string root = args->valueOr("--root", engine::findRepoRoot(fs::current_path().string()));
    if (root.empty())
        root = fs::current_path().string();
    std::error_code ec;
    options.paths.root = fs::weakly_canonical(fs::absolute(root), ec).string();
    options.paths.buildDir =
        fs::weakly_canonical(
            fs::absolute(args->valueOr("--build-dir", (fs::path(options.paths.root) / "build").string())), ec)
            .string();
    options.paths.configFile = args->valueOr("--config", "");
    options.paths.db = args->value("--db");
    options.selection.readOnly = args->has("--read-only");
    options.selection.toolsets = commaList(args->value("--toolsets"));
    options.selection.tools = commaList(args->value("--tools"));
    auto session = mcp::makeDevosSession(options);
    if (!session)
        return stopOn("mcp", session.error());
    if (args->has("--list-tools")) {
        nlohmann::json tools = nlohmann::json::array();
        for (const auto& t : (*session)->tools())
            tools.push_back(mcp::toolListing(t));
        std::printf("%s\n", nlohmann::json{{"tools", tools}}.dump(2).c_str());
        return kSuccess;
    }
    std::signal(SIGPIPE, SIG_IGN); // a client that went away is a write error, not a kill
    // Only protocol messages may reach stdout: the protocol gets its own copy of the descriptor and
    // descriptor 1 becomes stderr, so a stray print anywhere below lands in the log.
    const int protocolFd = dup(STDOUT_FILENO);
    std::FILE* protocol = protocolFd < 0 ? nullptr : fdopen(protocolFd, "w");
    if (protocol == nullptr || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        std::perror("devos mcp: cannot set up stdout");
        return kFindings;
    }
    std::fprintf(stderr, "devos mcp: serving %s (build %s), %zu tools\n", options.paths.root.c_str(),
                 options.paths.buildDir.c_str(), (*session)->tools().size());
    return mcp::serveStdio(**session, std::cin, protocol) == 0 ? kSuccess : kFindings;
}

} // namespace devos::cli
