#include "heal/heal_use_cases.hpp"

#include <cstdio>
#include <ctime>
#include <devos/adapters/stop_signals.hpp>
#include <devos/entrypoints/self_heal_factory.hpp>
#include <devos/logic/self_heal_config.hpp>
#include <filesystem>
#include <unistd.h>

namespace devos::heal {
namespace {

namespace fs = std::filesystem;

// The work tree root of the git repository holding `start`, or "".
std::string gitRoot(const fs::path& start) {
    std::error_code ec;
    for (fs::path p = fs::weakly_canonical(start, ec); !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec))
            return p.string();
        if (p == p.root_path())
            break;
    }
    return {};
}

// The git repository around `workingDir`, or Invalid saying what `what` needs.
foundation::Expected<std::string> repositoryAround(const std::string& workingDir, const char* what) {
    std::string root = gitRoot(workingDir.empty() ? fs::current_path() : fs::path(workingDir));
    if (root.empty())
        return foundation::fail(foundation::ErrorKind::Invalid, "not inside a git repository", "", 0,
                                std::string(what) + " works on a clone with history: run it in one");
    return root;
}

foundation::Expected<std::unique_ptr<entrypoints::SelfHealApp>>
openApp(const std::string& root, const std::optional<std::string>& db,
        std::function<void(const std::string&)> progress) {
    entrypoints::SelfHealOptions options;
    options.repoRoot = root;
    options.dbPath = db;
    options.progress = std::move(progress);
    return entrypoints::SelfHealApp::open(std::move(options));
}

std::string absoluteBuildDir(const std::string& given) {
    if (given.empty())
        return {};
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(given), ec).string();
}

} // namespace

foundation::Expected<contracts::SelfHealOutcome> healFailure(const HealCommandRequest& request) {
    auto root = repositoryAround(request.workingDir, "devos heal");
    if (!root)
        return std::unexpected(root.error());
    services::HealRequest heal;
    heal.failureId = request.failureId;
    heal.latest = request.latest;
    heal.repoRoot = *root;
    heal.keep = request.keep;
    heal.buildDir = absoluteBuildDir(request.buildDir);
    if (request.agent == "playbook")
        heal.agent = contracts::AgentChoice::Playbook;
    else if (request.agent == "chat")
        heal.agent = contracts::AgentChoice::Chat;
    else if (request.agent == "auto")
        heal.agent = contracts::AgentChoice::Auto;
    auto app = openApp(*root, request.db, request.progress);
    if (!app)
        return std::unexpected(app.error());
    return (*app)->service().heal(heal);
}

foundation::Expected<SyncOutcome> syncOutcomes(const SyncRequest& request) {
    auto root = repositoryAround(request.workingDir, "devos heal sync");
    if (!root)
        return std::unexpected(root.error());
    auto app = openApp(*root, request.db, {});
    if (!app)
        return std::unexpected(app.error());
    auto report = (*app)->outcomes().sync(*root);
    if (!report)
        return std::unexpected(report.error());
    return SyncOutcome{(*app)->storeName(), std::move(*report)};
}

foundation::Expected<HealReportOutcome> reportHeals(const HealReportRequest& request) {
    const auto millis = logic::parseTimeWindow(request.window);
    if (!millis)
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "--since '" + request.window + "' is not a duration", "", 0,
                                "give one such as 30d or \"12 hours\"");
    const fs::path working = request.workingDir.empty() ? fs::current_path() : fs::path(request.workingDir);
    const std::string root = gitRoot(working);
    auto app = openApp(root.empty() ? working.string() : root, request.db, {});
    if (!app)
        return std::unexpected(app.error());
    HealReportOutcome outcome;
    outcome.storeName = (*app)->storeName();
    outcome.window = request.window;
    outcome.since = static_cast<contracts::EpochMillis>(std::time(nullptr)) * 1000 - *millis;
    auto report = (*app)->reporter().report(outcome.since, request.window);
    if (!report)
        return std::unexpected(report.error());
    outcome.report = std::move(*report);
    outcome.exportError = (*app)->reporter().exportFailure();
    return outcome;
}

int runDaemonCommand(const DaemonCommandRequest& request) {
    auto root = repositoryAround("", "devos heal --daemon");
    if (!root) {
        std::fprintf(stderr, "devos heal --daemon: %s\n", root.error().render().c_str());
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
    auto app = openApp(*root, request.db, {});
    if (!app) {
        std::fprintf(stderr, "devos heal --daemon: %s\n", app.error().render().c_str());
        return app.error().kind == contracts::ErrorKind::Invalid ? 2 : 1;
    }
    services::DaemonSettings settings;
    settings.repoRoot = *root;
    settings.buildDir = absoluteBuildDir(request.buildDir);
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

} // namespace devos::heal
