#include <devos/adapters/git/git_branch_pusher.hpp>
#include <devos/adapters/git/git_heal_workspace.hpp>
#include <devos/adapters/git/git_repo_history.hpp>
#include <devos/adapters/http/chat_agent.hpp>
#include <devos/adapters/http/github_pull_requests.hpp>
#include <devos/adapters/polling_wakeup.hpp>
#if DEVOS_HAS_POSTGRES
#include <devos/adapters/postgres_store.hpp>
#endif
#include <devos/adapters/process_command_runner.hpp>
#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/entrypoints/self_heal_factory.hpp>
#include <devos/entrypoints/telemetry.hpp>
#include <devos/services/playbook_agent.hpp>

namespace devos::entrypoints {

struct SelfHealApp::Parts {
    std::unique_ptr<Telemetry> telemetry;
    adapters::YamlConfigFileReader config;
    adapters::GitHealWorkspace workspace;
    adapters::ProcessCommandRunner runner;
    adapters::ProposalBundleFiles bundles;
    services::PlaybookAgent playbook;
    std::unique_ptr<adapters::ChatAgent> chat;
    adapters::GitBranchPusher pusher;
    std::unique_ptr<adapters::GitHubPullRequests> github;
    std::unique_ptr<adapters::GitHubPullRequests> syncGitHub;
    adapters::GitRepoHistory history;
    std::unique_ptr<services::OutcomeSync> outcomes;
    std::unique_ptr<services::HealReporter> reporter;
    std::unique_ptr<ports::FailureWakeup> wakeup;
    std::unique_ptr<services::HealDaemon> daemon;
};

SelfHealApp::~SelfHealApp() = default;

ports::TelemetryStore& SelfHealApp::store() {
    return parts_->telemetry->store();
}

const std::string& SelfHealApp::storeName() const {
    return parts_->telemetry->storeName();
}

services::OutcomeSync& SelfHealApp::outcomes() {
    return *parts_->outcomes;
}

services::HealReporter& SelfHealApp::reporter() {
    return *parts_->reporter;
}

services::HealDaemon& SelfHealApp::daemon(int interruptFd, std::function<void(const std::string&)> log) {
    auto& p = *parts_;
    if (!p.daemon) {
#if DEVOS_HAS_POSTGRES
        if (!p.telemetry->databaseUrl().empty())
            p.wakeup = adapters::makePgFailureWakeup(p.telemetry->databaseUrl(), interruptFd);
#endif
        if (!p.wakeup)
            p.wakeup = std::make_unique<adapters::PollingWakeup>(interruptFd);
        p.daemon = std::make_unique<services::HealDaemon>(p.telemetry->store(), *service_, p.config,
                                                          *p.wakeup, p.workspace, p.telemetry->ids(),
                                                          std::move(log), p.outcomes.get());
    }
    return *p.daemon;
}

contracts::Expected<std::unique_ptr<SelfHealApp>> SelfHealApp::open(SelfHealOptions options) {
    std::unique_ptr<SelfHealApp> app(new SelfHealApp());
    app->parts_ = std::make_unique<Parts>();
    auto& parts = *app->parts_;
    TelemetryRequest request = repoTelemetryRequest(options.repoRoot, options.dbPath);
    request.gitleaksConfig = ""; // the shipped redaction rules
    request.environment = std::move(options.environment);
    auto telemetry = Telemetry::open(std::move(request));
    if (!telemetry)
        return std::unexpected(std::move(telemetry.error()));
    parts.telemetry = std::move(*telemetry);
    Telemetry& t = *parts.telemetry;
    const EnvironmentLookup& environment = t.environment();
    parts.reporter = std::make_unique<services::HealReporter>(t.store(), t.ids(), t.metrics());
    Parts* owned = &parts;
    auto chat = [owned, environment](const contracts::SelfHealConfig& config) -> ports::AgentPort* {
        const std::string url =
            environment("DEVOS_AGENT_URL").empty() ? config.agent.url : environment("DEVOS_AGENT_URL");
        const std::string model =
            environment("DEVOS_AGENT_MODEL").empty() ? config.agent.model : environment("DEVOS_AGENT_MODEL");
        if (url.empty() || model.empty())
            return nullptr;
        adapters::ChatAgentOptions chatOptions;
        chatOptions.baseUrl = url;
        chatOptions.model = model;
        chatOptions.apiKey = environment("DEVOS_AGENT_API_KEY");
        chatOptions.timeout = std::chrono::seconds(config.timeouts.agent);
        owned->chat = std::make_unique<adapters::ChatAgent>(std::move(chatOptions));
        return owned->chat.get();
    };
    // One GitHub client for the heals and one for the outcome checks (the daemon runs both).
    const auto gitHubInto = [&environment](std::unique_ptr<adapters::GitHubPullRequests>& slot) {
        return [&slot, environment](const contracts::SelfHealConfig& config) -> ports::PullRequestHost* {
            if (config.publish.repository.empty())
                return nullptr;
            adapters::GitHubOptions gh;
            gh.api = config.publish.api;
            gh.repository = config.publish.repository;
            gh.token = environment("DEVOS_GITHUB_TOKEN");
            slot = std::make_unique<adapters::GitHubPullRequests>(std::move(gh));
            return slot.get();
        };
    };
    auto github = gitHubInto(parts.github);
    parts.outcomes = std::make_unique<services::OutcomeSync>(
        t.store(), parts.history, parts.workspace, parts.config, t.ids(), gitHubInto(parts.syncGitHub));
    app->service_ = std::make_unique<services::SelfHealService>(
        services::SelfHealPorts{t.store(), t.search(), parts.config, parts.workspace, parts.runner,
                                parts.bundles, t.redactor(), t.ids(), &parts.playbook, std::move(chat),
                                std::move(options.progress), &parts.pusher, std::move(github), t.spans()});
    return app;
}

} // namespace devos::entrypoints
