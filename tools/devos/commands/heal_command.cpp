// devos heal --failure <id> | --latest | fixes | sync | report | --daemon: options -> the use case in
// heal/ (the loop is services::SelfHealService) -> the outcome printed (heal/heal_output.hpp).
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/telemetry_options.hpp"
#include "heal/fix_list.hpp"
#include "heal/heal_output.hpp"
#include "heal/heal_use_cases.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "heal",
    .usage = R"(usage: devos heal --failure <id> | --latest [-p <build-dir>] [--agent playbook|chat|auto]
                  [--db <path>] [--format text|json] [--keep]
       devos heal fixes [--pattern <pattern-id>] [--db <path>] [--format text|json]
       devos heal sync [--db <path>] [--format text|json]
       devos heal report [--since <duration>] [--db <path>] [--format text|json]
       devos heal --daemon [-p <build-dir>] [--db <path>] [--poll-ms N] [--heartbeat-ms N]
                  [--window <duration>] [--max-heals N] [--daemon-id ID])",
    .about =
        R"(Turns a stored failing test (its id as `devos ingest` prints it, or --latest: the newest stored
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
ones; a pattern whose merged self-heal fix recurred or was reverted is escalated to a human.)",
    .options = concat(
        {value("--failure", "ID", "the stored failure to heal (its id as `devos ingest` prints it)"),
         flag("--latest", "heal the newest stored failure"),
         value("--build-dir", "DIR", "the build folder the proof configures its worktree like")
             .withAlias("-p"),
         choice("--agent", "AGENT", {"playbook", "chat", "auto"}, "playbook, chat or auto"),
         flag("--keep", "keep the worktree and its build folder"),
         value("--pattern", "ID", "devos heal fixes: only this pattern id's fixes"),
         value("--since", "DURATION", "devos heal report: the window (default 30d)", "30d"),
         flag("--daemon", "heal every failure the store receives"),
         number("--poll-ms", "N", 10, 86400000, "--daemon: SQLite polling interval (default 5000)", "5000"),
         number("--heartbeat-ms", "N", 100, 86400000, "--daemon: heartbeat interval (default 30000)",
                "30000"),
         value("--window", "DURATION", "--daemon: how old a failure may be at start (default \"1 day\")",
               "1 day"),
         number("--max-heals", "N", 0, 1000000, "--daemon: stop after N heals (default 0: never)", "0"),
         value("--daemon-id", "ID", "--daemon: its id in claims (default host:pid:start)")},
        telemetryOptions()),
    .notes = R"(Exit codes: 0 a proposal was written (or fixes listed), 1 stopped with a reason (or the store
failed), 2 usage or configuration error.)",
};

// Prints `outcome` as text or JSON, or its error; returns the exit code.
template <typename Outcome>
int print(const char* command, const foundation::Expected<Outcome>& outcome, const std::string& format,
          std::string (*text)(const Outcome&), nlohmann::json (*json)(const Outcome&)) {
    if (!outcome)
        return stopOn(command, outcome.error(), Stage::Work);
    const std::string printed = format == "json" ? json(*outcome).dump(2) + "\n" : text(*outcome);
    std::fputs(printed.c_str(), stdout);
    return kSuccess;
}

} // namespace

int runHeal(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    const std::string format = *args->value("--format");
    const auto& pos = args->positionals();
    if (args->has("--daemon")) {
        if (!pos.empty() || args->has("--failure") || args->has("--latest") || args->has("--agent"))
            return usageError("heal", "--daemon takes no subcommand, --failure, --latest or --agent");
        heal::DaemonCommandRequest daemon;
        daemon.buildDir = args->valueOr("--build-dir", "");
        daemon.db = args->value("--db");
        daemon.daemonId = args->valueOr("--daemon-id", "");
        daemon.window = *args->value("--window");
        daemon.pollMs = *args->number("--poll-ms");
        daemon.heartbeatMs = *args->number("--heartbeat-ms");
        daemon.maxHeals = static_cast<int>(*args->number("--max-heals"));
        return heal::runDaemonCommand(daemon);
    }
    const bool noTarget = !args->has("--failure") && !args->has("--latest");
    if (pos.size() == 1 && pos[0] == "report" && noTarget && !args->has("--pattern")) {
        auto report = heal::reportHeals({{}, args->value("--db"), *args->value("--since")});
        if (report && report->exportError)
            std::fprintf(stderr, "devos heal report: the numbers were not exported: %s\n",
                         report->exportError->render().c_str());
        return print("heal report", report, format, heal::healReportText, heal::healReportJson);
    }
    if (pos.size() == 1 && pos[0] == "sync" && noTarget && !args->has("--pattern"))
        return print("heal sync", heal::syncOutcomes({{}, args->value("--db")}), format, heal::syncText,
                     heal::syncJson);
    if (pos.size() == 1 && pos[0] == "fixes" && noTarget)
        return print("heal fixes",
                     heal::listFixes({currentRepoRoot(), args->value("--db"), args->value("--pattern")}),
                     format, heal::fixListText, heal::fixListJson);
    heal::HealCommandRequest request;
    request.failureId = args->value("--failure");
    request.latest = args->has("--latest");
    request.buildDir = args->valueOr("--build-dir", "");
    request.agent = args->valueOr("--agent", "");
    request.db = args->value("--db");
    request.keep = args->has("--keep");
    const bool oneTarget = request.failureId.has_value() != request.latest;
    std::optional<std::string> problem;
    if (!pos.empty())
        problem = "unexpected argument '" + pos.front() + "' (the subcommands are fixes, sync and report)";
    else if (!oneTarget)
        problem = "give exactly one of --failure <id> and --latest";
    else if (args->has("--pattern"))
        problem = "--pattern goes with `devos heal fixes`";
    if (problem)
        return usageError("heal", *problem);
    if (::isatty(STDERR_FILENO) != 0) // progress while it runs, for a person watching
        request.progress = [](const std::string& line) { std::fprintf(stderr, "  ... %s\n", line.c_str()); };
    auto outcome = heal::healFailure(request);
    if (!outcome)
        return stopOn("heal", outcome.error(), Stage::Work);
    const std::string printed =
        format == "json" ? heal::outcomeJson(*outcome) + "\n" : heal::outcomeText(*outcome);
    std::fputs(printed.c_str(), stdout);
    return outcome->proposed ? kSuccess : kFindings;
}

} // namespace devos::cli
