// devos heal --failure <id> | --latest: a failing test → a proven fix on selfheal/<id> (or the reason
// why not); devos heal fixes: the fix memory. Options only: the loop is services::SelfHealService.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "heal/fix_list.hpp"
#include "heal/heal_output.hpp"
#include "heal/heal_use_cases.hpp"

#include <cstdio>
#include <cstdlib>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace devos::cli {
namespace {

const char* kHelp =
    R"(usage: devos heal --failure <id> | --latest [-p <build-dir>] [--agent playbook|chat|auto]
                  [--db <path>] [--format text|json] [--keep]
       devos heal fixes [--pattern <pattern-id>] [--db <path>] [--format text|json]
       devos heal sync [--db <path>] [--format text|json]
       devos heal report [--since <duration>] [--db <path>] [--format text|json]
       devos heal --daemon [-p <build-dir>] [--db <path>] [--poll-ms N] [--heartbeat-ms N]
                  [--window <duration>] [--max-heals N] [--daemon-id ID]

Turns a stored failing test (its id as `devos ingest` prints it, or --latest: the newest stored
failure) into a proven fix on a new branch selfheal/<proposal-id>, or says exactly why not.
Steps: detect (kill switch, paused patterns, concurrency) → flake check (reruns on the unpatched
commit) → SLO (attempts per pattern in the window) → retrieve (similar past failures and their
recorded fixes) → propose (the playbook re-applies a recorded fix; the chat agent answers in
search/replace blocks) → validate (paths, dependencies, logic/ coverage, limits, risk) → prove (in a
separate worktree configured like -p <build-dir>: the test fails before and passes after, every
unit test passes, check-fast passes) → branch → proposal (.devos/selfheal/<id>/PR.md, fix.patch,
report.json, gates.sarif). Your checkout (HEAD, branches, index, work tree, stash) is never written.

Configuration: .devos/self-heal.yml (devos init writes it, disabled). The chat agent is the
OpenAI-compatible server at DEVOS_AGENT_URL serving DEVOS_AGENT_MODEL (key in DEVOS_AGENT_API_KEY),
else agent.url and agent.model. --keep keeps the worktree and its build folder.

`devos heal fixes` lists the fix memory: fixes learned by `devos ingest junit` from history (a test
that failed at a commit passes at a descendant; the fix is the first-party source diff between them).

`devos heal --daemon` heals every failure the store receives: woken by LISTEN devos_failures on
PostgreSQL (DEVOS_DATABASE_URL), polling the SQLite file every --poll-ms (default 5000). Each failure
is claimed in the database, so it is healed once across restarts and across daemons on one database;
concurrency.maxConcurrentProposals and maxConcurrentPRs are counted there too. The config (kill
switch, pausedPatterns, caps) is re-read on every pass. Failures older than --window (default
"1 day") at start are left alone. SIGTERM or SIGINT stops it after the heal in progress. A
selfheal.daemon.heartbeat event every --heartbeat-ms (default 30000) renews its claims and records
outcomes as devos heal sync does; a claim
whose daemon stopped renewing it for 10 minutes is taken over. A lost database is retried with
backoff (0.5 s doubling to 30 s); nothing is healed twice.

`devos heal report` sums up the attempts of the last --since (default 30d): counts by status and
stop reason, outcomes (merged, rejected, reverted, recurred), the acceptance rate (merged over
proposed), MTTR from failure to merged fix with self-heal and without (human fixes learned from
history, of the same patterns when there are any), patterns that came back, and the median time
of each loop step. The same numbers are written as selfheal.report.* metrics_samples rows.

With DEVOS_OTLP_ENDPOINT set, each heal attempt is exported as an OpenTelemetry trace (a
selfheal.attempt span with one span per loop step) and the report's numbers as OTLP metrics.

`devos heal sync` records what became of each proposal and recorded fix: merged (its commit is
reachable from branches.default, "main" unless set), rejected (its selfheal branch was deleted
unmerged), reverted (a later commit on the default branch reverts it), recurred (its pattern failed
again in a run that contains it). The playbook never re-applies a reverted fix and prefers merged
ones; a pattern whose merged self-heal fix recurred or was reverted is escalated to a human.

Exit codes: 0 a proposal was written (or fixes listed), 1 stopped with a reason (or the store
failed), 2 usage or configuration error.
)";

// The repository the command runs in: the repo root around the current folder, else the folder.
std::string currentRepoRoot() {
    std::string root = engine::findRepoRoot(std::filesystem::current_path().string());
    return root.empty() ? std::filesystem::current_path().string() : root;
}

// Prints `outcome` as text or JSON, or its error; returns the exit code.
template <typename Outcome>
int print(const char* command, const foundation::Expected<Outcome>& outcome, const std::string& format,
          std::string (*text)(const Outcome&), nlohmann::json (*json)(const Outcome&)) {
    if (!outcome) {
        std::fprintf(stderr, "%s: %s\n", command, outcome.error().render().c_str());
        return foundation::exitCodeOf(outcome.error().kind);
    }
    const std::string printed = format == "json" ? json(*outcome).dump(2) + "\n" : text(*outcome);
    std::fputs(printed.c_str(), stdout);
    return kSuccess;
}

} // namespace

int runHeal(const std::vector<std::string>& argv) {
    Args args({"--failure", "-p", "--agent", "--db", "--format", "--pattern", "--since", "--poll-ms",
               "--heartbeat-ms", "--window", "--max-heals", "--daemon-id"},
              {"--latest", "--keep", "--help", "--daemon"}, {{"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos heal: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    const std::string format = args.valueOr("--format", "text");
    const auto& pos = args.positionals();
    if (auto problem = cli::notOneOf("--format", format, {"text", "json"})) {
        std::fprintf(stderr, "devos heal: %s\n", problem->c_str());
        return kUsage;
    }
    if (args.has("--daemon")) {
        heal::DaemonCommandRequest daemon;
        daemon.buildDir = args.valueOr("-p", "");
        daemon.db = args.value("--db");
        daemon.daemonId = args.valueOr("--daemon-id", "");
        daemon.window = args.valueOr("--window", "1 day");
        const auto number = [&](const char* name, long fallback, long min) -> std::optional<long> {
            const std::string text = args.valueOr(name, std::to_string(fallback));
            char* end = nullptr;
            const long value = std::strtol(text.c_str(), &end, 10);
            if (end == text.c_str() || *end != '\0' || value < min) {
                std::fprintf(stderr, "devos heal --daemon: %s must be a whole number >= %ld, found '%s'\n",
                             name, min, text.c_str());
                return std::nullopt;
            }
            return value;
        };
        const auto poll = number("--poll-ms", 5000, 10);
        const auto beat = number("--heartbeat-ms", 30000, 100);
        const auto most = number("--max-heals", 0, 0);
        if (!poll || !beat || !most)
            return kUsage;
        if (!pos.empty() || args.has("--failure") || args.has("--latest") || args.has("--agent")) {
            std::fputs(kHelp, stderr);
            return kUsage;
        }
        daemon.pollMs = *poll;
        daemon.heartbeatMs = *beat;
        daemon.maxHeals = static_cast<int>(*most);
        return heal::runDaemonCommand(daemon);
    }
    const bool noTarget = !args.has("--failure") && !args.has("--latest");
    if (pos.size() == 1 && pos[0] == "report" && noTarget && !args.has("--pattern")) {
        auto report = heal::reportHeals({{}, args.value("--db"), args.valueOr("--since", "30d")});
        if (report && report->exportError)
            std::fprintf(stderr, "devos heal report: the numbers were not exported: %s\n",
                         report->exportError->render().c_str());
        return print("devos heal report", report, format, heal::healReportText, heal::healReportJson);
    }
    if (pos.size() == 1 && pos[0] == "sync" && noTarget && !args.has("--pattern"))
        return print("devos heal sync", heal::syncOutcomes({{}, args.value("--db")}), format, heal::syncText,
                     heal::syncJson);
    if (pos.size() == 1 && pos[0] == "fixes" && noTarget)
        return print("devos heal fixes",
                     heal::listFixes({currentRepoRoot(), args.value("--db"), args.value("--pattern")}),
                     format, heal::fixListText, heal::fixListJson);
    heal::HealCommandRequest request;
    request.failureId = args.value("--failure");
    request.latest = args.has("--latest");
    request.buildDir = args.valueOr("-p", "");
    request.agent = args.valueOr("--agent", "");
    request.db = args.value("--db");
    request.keep = args.has("--keep");
    const bool oneTarget = request.failureId.has_value() != request.latest;
    const bool agentOk = request.agent.empty() || request.agent == "playbook" || request.agent == "chat" ||
                         request.agent == "auto";
    std::optional<std::string> problem;
    if (!pos.empty())
        problem = "unexpected argument '" + pos.front() + "' (the only subcommand is 'fixes')";
    else if (!oneTarget)
        problem = "give exactly one of --failure <id> and --latest";
    else if (!agentOk)
        problem = *cli::notOneOf("--agent", request.agent, {"playbook", "chat", "auto"});
    else if (args.has("--pattern"))
        problem = "--pattern goes with `devos heal fixes`";
    if (problem) {
        std::fprintf(stderr, "devos heal: %s\n", problem->c_str());
        return kUsage;
    }
    if (::isatty(STDERR_FILENO) != 0) // progress while it runs, for a person watching
        request.progress = [](const std::string& line) { std::fprintf(stderr, "  ... %s\n", line.c_str()); };
    auto outcome = heal::healFailure(request);
    if (!outcome) {
        std::fprintf(stderr, "devos heal: %s\n", outcome.error().render().c_str());
        return foundation::exitCodeOf(outcome.error().kind);
    }
    const std::string printed =
        format == "json" ? heal::outcomeJson(*outcome) + "\n" : heal::outcomeText(*outcome);
    std::fputs(printed.c_str(), stdout);
    return outcome->proposed ? kSuccess : kFindings;
}

} // namespace devos::cli
