#include <cstdlib>
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
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/entrypoints/exporter_factory.hpp>
#include <devos/entrypoints/self_heal_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <devos/services/playbook_agent.hpp>

namespace devos::entrypoints {

struct SelfHealApp::Parts {
    OpenedStore store;
    std::unique_ptr<ports::FailureVectorCache> vectors; // null for an in-memory store
    std::unique_ptr<ports::Embedder> embedder;
    VectorIndexes indexes;
    std::unique_ptr<ports::Redactor> redactor;
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    std::unique_ptr<services::IdGenerator> ids;
    std::unique_ptr<services::VectorBackfill> backfill; // stored failures without a vector of the model
    std::unique_ptr<services::IncidentSearch> search;
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
    OtlpSignalExporters otlp;
    std::string databaseUrl;
    std::unique_ptr<ports::FailureWakeup> wakeup;
    std::unique_ptr<services::HealDaemon> daemon;
};

SelfHealApp::~SelfHealApp() = default;

ports::TelemetryStore& SelfHealApp::store() {
    return *parts_->store.store;
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
        if (!p.databaseUrl.empty())
            p.wakeup = adapters::makePgFailureWakeup(p.databaseUrl, interruptFd);
#endif
        if (!p.wakeup)
            p.wakeup = std::make_unique<adapters::PollingWakeup>(interruptFd);
        p.daemon =
            std::make_unique<services::HealDaemon>(*p.store.store, *service_, p.config, *p.wakeup,
                                                   p.workspace, *p.ids, std::move(log), p.outcomes.get());
    }
    return *p.daemon;
}

namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

} // namespace

contracts::Expected<std::unique_ptr<SelfHealApp>> SelfHealApp::open(SelfHealOptions options) {
    std::unique_ptr<SelfHealApp> app(new SelfHealApp());
    app->parts_ = std::make_unique<Parts>();
    auto& parts = *app->parts_;
    auto store =
        openTelemetryStore(options.dbPath, options.databaseUrl, options.repoRoot + "/.devos/telemetry.db");
    if (!store)
        return std::unexpected(store.error());
    parts.store = std::move(*store);
    parts.databaseUrl = options.dbPath ? std::string() : options.databaseUrl;
    app->storeName_ = parts.store.name;
    auto settings = embedderSettingsFromEnvironment();
    if (!settings)
        return std::unexpected(settings.error());
    parts.embedder = makeEmbedder(*settings);
    auto redactor = adapters::makeDefaultRedactor();
    if (!redactor)
        return std::unexpected(redactor.error());
    parts.redactor = std::move(*redactor);
    parts.ids = std::make_unique<services::IdGenerator>(parts.clock, parts.entropy);
    parts.vectors = openVectorCache(parts.store);
    parts.backfill =
        std::make_unique<services::VectorBackfill>(*parts.store.store, *parts.embedder, parts.vectors.get());
    parts.search = std::make_unique<services::IncidentSearch>(*parts.store.store, *parts.embedder,
                                                              parts.indexes, *parts.redactor,
                                                              parts.vectors.get(), parts.backfill.get());
    parts.otlp = makeOtlpSignalExportersFromEnvironment();
    parts.reporter =
        std::make_unique<services::HealReporter>(*parts.store.store, *parts.ids, parts.otlp.metrics.get());
    Parts* owned = &parts;
    auto chat = [owned](const contracts::SelfHealConfig& config) -> ports::AgentPort* {
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
    const auto gitHubInto = [](std::unique_ptr<adapters::GitHubPullRequests>& slot) {
        return [&slot](const contracts::SelfHealConfig& config) -> ports::PullRequestHost* {
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
    parts.outcomes =
        std::make_unique<services::OutcomeSync>(*parts.store.store, parts.history, parts.workspace,
                                                parts.config, *parts.ids, gitHubInto(parts.syncGitHub));
    app->service_ = std::make_unique<services::SelfHealService>(services::SelfHealPorts{
        *parts.store.store, *parts.search, parts.config, parts.workspace, parts.runner, parts.bundles,
        *parts.redactor, *parts.ids, &parts.playbook, std::move(chat), std::move(options.progress),
        &parts.pusher, std::move(github), parts.otlp.spans.get()});
    return app;
}

} // namespace devos::entrypoints
