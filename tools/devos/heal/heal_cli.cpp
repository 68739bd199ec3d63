#include "heal/heal_cli.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/adapters/stop_signals.hpp>
#include <devos/entrypoints/self_heal_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/logic/self_heal_config.hpp>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace devos::heal {
namespace {

namespace fs = std::filesystem;

// The work tree root of the git repository holding `start`, or "".
std::string gitRoot(fs::path start) {
    std::error_code ec;
    for (fs::path p = fs::weakly_canonical(start, ec); !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec))
            return p.string();
        if (p == p.root_path())
            break;
    }
    return {};
}

std::string indented(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out += (out.empty() ? "" : "\n          ") + text.substr(start, end - start);
        start = end + 1;
    }
    return out;
}

} // namespace

std::string outcomeText(const contracts::SelfHealOutcome& o) {
    std::string out;
    char line[32];
    for (const auto& s : o.steps) {
        std::snprintf(line, sizeof line, "%-9s ", s.name.c_str());
        out += line + indented(s.summary) + "\n";
    }
    if (!o.proposed) {
        out += "stopped   " + std::string(contracts::stopReasonName(o.reason)) +
               (o.evidence.empty() ? "" : ": " + indented(o.evidence)) + "\n";
        if (!o.hint.empty())
            out += "          what to do: " + o.hint + "\n";
    }
    if (!o.worktree.empty())
        out += "worktree  " + o.worktree + " (kept)\n";
    return out;
}

namespace {

// The store and the services of devos heal for the repository around the current folder, or the
// exit code after printing why not.
std::expected<std::unique_ptr<entrypoints::SelfHealApp>, int>
openApp(const char* command, const std::string& root, const std::optional<std::string>& db,
        std::function<void(const std::string&)> progress) {
    entrypoints::SelfHealOptions options;
    options.repoRoot = root;
    options.dbPath = db;
    options.databaseUrl = entrypoints::databaseUrlFromEnvironment();
    options.progress = std::move(progress);
    auto app = entrypoints::SelfHealApp::open(std::move(options));
    if (!app) {
        std::fprintf(stderr, "%s: %s\n", command, app.error().render().c_str());
        return std::unexpected(app.error().kind == contracts::ErrorKind::Invalid ? 2 : 1);
    }
    return std::move(*app);
}

std::string changeText(const services::OutcomeChange& c) {
    const auto& o = c.to;
    std::string detail;
    if (o.state == contracts::OutcomeState::Merged)
        detail = " (in " + o.mergedCommit.substr(0, 7) + ")";
    else if (o.state == contracts::OutcomeState::Reverted)
        detail = " (by " + o.revertedBy.substr(0, 7) + ")";
    else if (o.state == contracts::OutcomeState::Recurred)
        detail = " (failure " + o.recurredFailureId + ")";
    return std::string(c.subject == contracts::OutcomeSubject::Proposal ? "proposal " : "fix      ") + c.id +
           "  pattern " + c.patternId.substr(0, 12) + "  " + contracts::outcomeStateName(c.from) + " -> " +
           contracts::outcomeStateName(o.state) + detail;
}

} // namespace

int runSyncCommand(const std::optional<std::string>& db, const std::string& format) {
    const std::string root = gitRoot(fs::current_path());
    if (root.empty()) {
        std::fprintf(stderr, "devos heal sync: not inside a git repository\n");
        return 2;
    }
    auto app = openApp("devos heal sync", root, db, {});
    if (!app)
        return app.error();
    auto report = (*app)->outcomes().sync(root);
    if (!report) {
        std::fprintf(stderr, "devos heal sync: %s\n", report.error().render().c_str());
        return report.error().kind == contracts::ErrorKind::Invalid ? 2 : 1;
    }
    if (format == "json") {
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& c : report->changes)
            changes.push_back(
                {{"subject", c.subject == contracts::OutcomeSubject::Proposal ? "proposal" : "fix"},
                 {"id", c.id},
                 {"pattern_id", c.patternId},
                 {"from", contracts::outcomeStateName(c.from)},
                 {"to", contracts::outcomeStateName(c.to.state)},
                 {"merged_commit", c.to.mergedCommit},
                 {"merged_at", c.to.mergedAt},
                 {"reverted_by", c.to.revertedBy},
                 {"recurred_failure_id", c.to.recurredFailureId}});
        std::printf("%s\n", nlohmann::json{{"store", (*app)->storeName()},
                                           {"default_branch", report->defaultBranch},
                                           {"head", report->head},
                                           {"proposals_checked", report->proposalsChecked},
                                           {"fixes_checked", report->fixesChecked},
                                           {"changes", changes}}
                                .dump(2)
                                .c_str());
        return 0;
    }
    std::printf("heal sync: %s at %.7s; %d proposal%s and %d fix%s checked, %zu changed\n",
                report->defaultBranch.c_str(), report->head.c_str(), report->proposalsChecked,
                report->proposalsChecked == 1 ? "" : "s", report->fixesChecked,
                report->fixesChecked == 1 ? "" : "es", report->changes.size());
    for (const auto& c : report->changes)
        std::printf("  %s\n", changeText(c).c_str());
    return 0;
}

int runReportCommand(const std::optional<std::string>& db, const std::string& window,
                     const std::string& format) {
    const auto millis = logic::parseTimeWindow(window);
    if (!millis) {
        std::fprintf(stderr, "devos heal report: --since '%s' is not a duration (e.g. 30d, \"12 hours\")\n",
                     window.c_str());
        return 2;
    }
    const std::string root = gitRoot(fs::current_path());
    auto app = openApp("devos heal report", root.empty() ? fs::current_path().string() : root, db, {});
    if (!app)
        return app.error();
    const auto since = static_cast<contracts::EpochMillis>(std::time(nullptr)) * 1000 - *millis;
    auto report = (*app)->reporter().report(since, window);
    if (!report) {
        std::fprintf(stderr, "devos heal report: %s\n", report.error().render().c_str());
        return report.error().kind == contracts::ErrorKind::Invalid ? 2 : 1;
    }
    if (const auto& failed = (*app)->reporter().exportFailure())
        std::fprintf(stderr, "devos heal report: the numbers were not exported: %s\n",
                     failed->render().c_str());
    const auto& r = *report;
    if (format == "json") {
        nlohmann::json reasons = nlohmann::json::object();
        for (const auto& [reason, count] : r.stopReasons)
            reasons[reason] = count;
        nlohmann::json recurring = nlohmann::json::array();
        for (const auto& p : r.recurring)
            recurring.push_back({{"pattern_id", p.patternId},
                                 {"failures", p.failures},
                                 {"what", p.what},
                                 {"escalated", p.escalated}});
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& s : r.steps)
            steps.push_back({{"step", s.step},
                             {"count", s.count},
                             {"median_millis", s.medianMillis},
                             {"total_millis", s.totalMillis}});
        const auto optional = [](const std::optional<double>& v) {
            return v ? nlohmann::json(*v) : nlohmann::json();
        };
        std::printf("%s\n", nlohmann::json{{"store", (*app)->storeName()},
                                           {"window", window},
                                           {"since", since},
                                           {"attempts", r.attempts},
                                           {"proposed", r.proposed},
                                           {"open", r.open},
                                           {"merged", r.merged},
                                           {"rejected", r.rejected},
                                           {"reverted", r.reverted},
                                           {"recurred", r.recurred},
                                           {"stopped", r.stopped},
                                           {"stop_reasons", reasons},
                                           {"acceptance_rate", r.acceptanceRate},
                                           {"mttr_with_selfheal_millis", optional(r.mttrWithMillis)},
                                           {"mttr_without_selfheal_millis", optional(r.mttrWithoutMillis)},
                                           {"mttr_same_patterns", r.samePatterns},
                                           {"recurring_patterns", recurring},
                                           {"steps", steps}}
                                .dump(2)
                                .c_str());
        return 0;
    }
    std::fputs(logic::healReportText(r, window).c_str(), stdout);
    return 0;
}

int runDaemonCommand(const DaemonCommandRequest& request) {
    const std::string root = gitRoot(fs::current_path());
    if (root.empty()) {
        std::fprintf(stderr, "devos heal --daemon: not inside a git repository\n");
        return 2;
    }
    const auto window = logic::parseTimeWindow(request.window);
    if (!window) {
        std::fprintf(stderr,
                     "devos heal --daemon: --window '%s' is not a duration (e.g. \"1 day\", \"12 hours\")\n",
                     request.window.c_str());
        return 2;
    }
    adapters::StopSignals signals;
    auto app = openApp("devos heal --daemon", root, request.db, {});
    if (!app)
        return app.error();
    services::DaemonSettings settings;
    settings.repoRoot = root;
    if (!request.buildDir.empty()) {
        std::error_code ec;
        settings.buildDir = fs::weakly_canonical(fs::absolute(request.buildDir), ec).string();
    }
    char host[256] = {};
    (void)::gethostname(host, sizeof host - 1);
    settings.daemonId = request.daemonId.empty() ? std::string(host) + ":" + std::to_string(::getpid()) +
                                                       ":" + std::to_string(std::time(nullptr))
                                                 : request.daemonId;
    settings.window = *window;
    settings.poll = std::chrono::milliseconds(request.pollMs);
    settings.heartbeat = std::chrono::milliseconds(request.heartbeatMs);
    settings.maxHeals = request.maxHeals;
    auto log = [](const std::string& line) {
        std::fprintf(stderr, "devos heal --daemon: %s\n", line.c_str());
        std::fflush(stderr);
    };
    const auto stats = (*app)->daemon(signals.fd(), log).run(settings, signals.requested());
    std::printf("healed %d, proposed %d, released %d, store outages %d\n", stats.healed, stats.proposed,
                stats.released, stats.outages);
    return 0;
}

int runHealCommand(const HealCommandRequest& request) {
    const std::string root = gitRoot(fs::current_path());
    if (root.empty()) {
        std::fprintf(stderr,
                     "devos heal: not inside a git repository (devos heal works on a clone with history)\n");
        return 2;
    }
    services::HealRequest heal;
    heal.failureId = request.failureId;
    heal.latest = request.latest;
    heal.repoRoot = root;
    heal.keep = request.keep;
    if (!request.buildDir.empty()) {
        std::error_code ec;
        heal.buildDir = fs::weakly_canonical(fs::absolute(request.buildDir), ec).string();
    }
    if (request.agent == "playbook")
        heal.agent = contracts::AgentChoice::Playbook;
    else if (request.agent == "chat")
        heal.agent = contracts::AgentChoice::Chat;
    else if (request.agent == "auto")
        heal.agent = contracts::AgentChoice::Auto;
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    std::function<void(const std::string&)> progress;
    if (terminal)
        progress = [](const std::string& line) { std::fprintf(stderr, "  ... %s\n", line.c_str()); };
    auto app = openApp("devos heal", root, request.db, std::move(progress));
    if (!app)
        return app.error();
    auto outcome = (*app)->service().heal(heal);
    if (!outcome) {
        std::fprintf(stderr, "devos heal: %s\n", outcome.error().render().c_str());
        const auto kind = outcome.error().kind;
        return kind == contracts::ErrorKind::Invalid || kind == contracts::ErrorKind::NotFound ? 2 : 1;
    }
    if (request.format == "json")
        std::printf("%s\n", adapters::selfHealOutcomeJson(*outcome).c_str());
    else
        std::fputs(outcomeText(*outcome).c_str(), stdout);
    return outcome->proposed ? 0 : 1;
}

} // namespace devos::heal
