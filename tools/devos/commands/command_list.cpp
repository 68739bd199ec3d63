#include "cli/command.hpp"
#include "commands/commands.hpp"

namespace devos::cli {

const std::vector<Command>& allCommands() {
    static const std::vector<Command> commands = {
#if DEVOS_HAS_CHECK
        {"check", "check layering and purity over a compile database (LibTooling)", runCheck},
#endif
        {"explain", "print a rule's documentation: why, what instead, what is allowed", runExplain},
#if DEVOS_HAS_CHECK
        {"baseline", "create or shrink the ratcheting baseline of accepted findings", runBaseline},
#endif
        {"link", "merge effect summaries: every TU's findings plus cross-TU purity", runLink},
#if DEVOS_HAS_RUNTIME
        {"ingest", "store test results (JUnit) or gate findings (SARIF) in telemetry", runIngest},
        {"search", "find past test failures similar to a text or a failure (exact vector search)", runSearch},
        {"heal", "turn a failing test into a proven fix on a selfheal/<id> branch; list the fix memory",
         runHeal},
#endif
        {"gate", "run, skip or report the gates behind check-fast / check-full", runGate},
        {"targets", "check the layering of CMake targets (File API codemodel)", runTargets},
        {"deps", "check resolved find_package versions against the repo's floors and bans", runDeps},
        {"sbom", "write an SPDX SBOM of the resolved packages and check their licenses", runSbom},
        {"coverage", "check the unit tests' line coverage against the repo's threshold", runCoverage},
        {"scan", "scan tracked files for secrets and for binaries, oversized files and bad encodings",
         runScan},
        {"report", "write one self-contained HTML (or markdown) report of gates, findings and telemetry",
         runReport},
        {"mcp", "serve DevOS to coding agents: a Model Context Protocol server over stdio", runMcp},
        {"init", "scaffold DevOS in a repo: layer folders, .devos/ config, CMake lines", runInit},
    };
    return commands;
}

} // namespace devos::cli
