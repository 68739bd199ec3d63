#pragma once
#include <devos/contracts/error.hpp>
#include <devos/entrypoints/environment.hpp>
#include <devos/services/heal_daemon.hpp>
#include <devos/services/heal_reporter.hpp>
#include <devos/services/outcome_sync.hpp>
#include <devos/services/self_heal_service.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace devos::entrypoints {

// Where `devos heal` works and where its telemetry lives.
struct SelfHealOptions {
    std::string repoRoot;              // absolute
    std::optional<std::string> dbPath; // --db: a SQLite file
    std::function<void(const std::string&)> progress;
    EnvironmentLookup environment; // null: the process environment
};

// The self-heal service wired from the environment: entrypoints::Telemetry for the repository (the
// store: --db, DEVOS_DATABASE_URL or <repo>/.devos/telemetry.db; the embedder, DEVOS_EMBEDDINGS_*;
// the vector index, CUDA when usable; the shipped redaction rules; the OTLP exporters), libgit2 worktrees,
// the process runner, the proposal files, the playbook agent, and the chat agent from DEVOS_AGENT_URL /
// DEVOS_AGENT_MODEL (else agent.url / agent.model of .devos/self-heal.yml), its key from DEVOS_AGENT_API_KEY.
class SelfHealApp {
public:
    [[nodiscard]] static contracts::Expected<std::unique_ptr<SelfHealApp>> open(SelfHealOptions options);
    ~SelfHealApp();
    SelfHealApp(const SelfHealApp&) = delete;
    SelfHealApp& operator=(const SelfHealApp&) = delete;

    [[nodiscard]] services::SelfHealService& service() { return *service_; }
    [[nodiscard]] ports::TelemetryStore& store();
    // devos heal sync's use case over the same store and the repository's git history.
    [[nodiscard]] services::OutcomeSync& outcomes();
    // devos heal report's use case over the same store.
    [[nodiscard]] services::HealReporter& reporter();
    // The self-heal daemon over the same store and service, woken by LISTEN devos_failures on
    // PostgreSQL or by polling on SQLite; every wait ends early once `interruptFd` is readable.
    [[nodiscard]] services::HealDaemon& daemon(int interruptFd, std::function<void(const std::string&)> log);
    // "PostgreSQL" or the SQLite file's path.
    [[nodiscard]] const std::string& storeName() const;

private:
    SelfHealApp() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;
    std::unique_ptr<services::SelfHealService> service_;
};

} // namespace devos::entrypoints
