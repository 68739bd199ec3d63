#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <devos/ports/agent_port.hpp>
#include <devos/ports/command_runner.hpp>
#include <devos/ports/config_file_reader.hpp>
#include <devos/ports/heal_workspace.hpp>
#include <devos/ports/proposal_bundle_writer.hpp>
#include <devos/ports/proposal_host.hpp>
#include <devos/ports/redactor.hpp>
#include <devos/ports/span_exporter.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <devos/services/incident_search.hpp>
#include <functional>
#include <optional>
#include <string>

namespace devos::services {

// What `devos heal` was asked to do.
struct HealRequest {
    std::optional<std::string> failureId; // the stored test failure to heal
    bool latest = false;                  // or the newest stored failure
    std::string repoRoot;                 // absolute
    std::string buildDir;                 // -p: a configured CMake build of the repo (absolute); may be empty
    std::optional<contracts::AgentChoice> agent; // --agent; unset: agent.kind of the config
    bool keep = false;                           // keep the worktree and its build folder
};

// The ports the loop works through, wired by the composition root (entrypoints::openSelfHeal).
struct SelfHealPorts {
    ports::TelemetryStore& store;
    IncidentSearch& search;
    const ports::ConfigFileReader& config;
    ports::HealWorkspace& workspace;
    ports::CommandRunner& runner;
    ports::ProposalBundleWriter& bundles;
    const ports::Redactor& redactor;
    IdGenerator& ids;
    ports::AgentPort* playbook = nullptr; // null: not available
    // The chat agent for the loaded config (agent.url/model, timeouts.agent; the environment wins), or
    // null when none is configured. Called once per heal, after the config is read.
    std::function<ports::AgentPort*(const contracts::SelfHealConfig&)> chat;
    std::function<void(const std::string&)> progress; // one line per step as it starts; may be empty
    ports::BranchPusher* pusher = nullptr;            // null: proposals are not published
    // The pull request host for the loaded config (publish.repository, publish.api; the token from
    // the environment), or null when none is configured.
    std::function<ports::PullRequestHost*(const contracts::SelfHealConfig&)> pullRequests;
    ports::SpanExporter* spans = nullptr; // null: no trace is exported (one per attempt with a row)
};

// The self-heal loop (seed §6.2, issue 11): detect → flake check → SLO → retrieve similar failures
// and their fixes → propose (playbook, chat) → validate (logic) → prove in a separate worktree →
// commit on selfheal/<proposal id> → proposal bundle → autonomy decision. Each step's verdict goes
// through logic::afterStep; the outcome says what happened or why it stopped. Every attempt past
// the kill switch, pause and concurrency checks writes a selfheal_proposals row and selfheal.*
// events. The user's checkout (HEAD, branches, index, work tree, stash) is never written: the only
// writes are the worktree and build folder under .devos/selfheal/<id>/ (removed unless `keep`),
// the proposal folder and the selfheal/<id> branch, created only for a proven proposal.
class SelfHealService {
public:
    explicit SelfHealService(SelfHealPorts ports) : ports_(std::move(ports)) {}

    // An outcome (proposed or stopped with its reason), or an Invalid/NotFound error for a usage or
    // configuration problem: a malformed config, an unknown failure id, no git repository, a failure
    // without a commit, a build folder that is not a configured build of this repository.
    [[nodiscard]] contracts::Expected<contracts::SelfHealOutcome> heal(const HealRequest& request);

private:
    SelfHealPorts ports_;
};

} // namespace devos::services
