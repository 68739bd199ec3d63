#pragma once
#include <devos/contracts/ulid.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::contracts {

// Which agent a heal asks: the playbook, the chat model, or the playbook first then the chat model.
enum class AgentChoice { Playbook, Chat, Auto };

// The shell commands of the proof; empty ones are derived from the user's build directory
// (-p <build-dir>). Placeholders: {source} the worktree, {build} its build folder, {test} the
// failing test's exact name (each substituted shell-quoted).
struct ProofCommands {
    std::string configure;
    std::string build;
    std::string test;
    std::string unitTests;
    std::string gate;
};

// Seconds each step may take before the attempt stops.
struct StepTimeouts {
    int configure = 600;
    int build = 1800;
    int test = 600;
    int gate = 1800;
    int agent = 120;
};

// `.devos/self-heal.yml` (seed §6.1 SelfHealConfig plus DevOS's flake, commands, paths, limits
// and agent keys). The defaults are the shipped ones: disabled, suggest-only.
struct SelfHealConfig {
    std::string origin;   // the file it was read from; empty for the defaults
    bool enabled = false; // the kill switch
    struct {
        int level = 0; // §7: 0 suggest only, 1 auto-fix dev/beta, 2 auto-merge low risk, 3 (refused)
        int autoMergeConfidence = 90;
        int autoMergeRiskScore = 20;
    } autonomy;
    struct {
        int maxAttemptsPerPattern = 3;
        std::string timeWindow = "1 day";
        EpochMillis timeWindowMillis = 86'400'000;
    } slo;
    struct {
        int maxConcurrentProposals = 5;
        int maxConcurrentPRs = 3;
    } concurrency;
    struct {
        std::string defaultBranch = "main"; // `branches.default`: what merged means (DevOS never writes it)
        std::string integration; // `branches.integration` (dev/beta): level 1's target; empty: none
    } branches;
    struct {
        std::string remote; // `publish.remote`: where selfheal/<id> is pushed; empty: not published
        std::string
            repository; // `publish.repository`: owner/name on GitHub; empty: push only, no pull request
        std::string api = "https://api.github.com"; // `publish.api`
    } publish;
    std::vector<std::string> pausedPatterns;
    int flakeReruns = 3; // 0: no flake check (the proof still runs the test before the patch)
    ProofCommands commands;
    StepTimeouts timeouts;
    std::vector<std::string> sensitivePaths = {"**/auth/**", "**/security/**", "**/payment/**", "**/*.pem",
                                               "**/*.key",   ".github/**",     ".ci/**",        ".devos/**"};
    struct {
        int maxFiles = 5;
        int maxChangedLines = 60;
        int maxRiskScore = 70; // above it the attempt stops with risk_too_high
    } limits;
    struct {
        AgentChoice kind = AgentChoice::Auto;
        std::string url;   // OpenAI-compatible server base; DEVOS_AGENT_URL wins
        std::string model; // DEVOS_AGENT_MODEL wins
    } agent;
};

// One value of a YAML config file, flattened: `slo.timeWindow`, a scalar or a list of scalars, and
// its 1-based line. Produced by the config file adapter, validated by logic::parseSelfHealConfig.
struct ConfigEntry {
    std::string key;
    std::string scalar;
    std::vector<std::string> list;
    bool isList = false;
    unsigned line = 0;
};

// A flattened config file: where it came from and every value in document order.
struct ConfigDocument {
    std::string origin;
    std::vector<ConfigEntry> entries;
};

} // namespace devos::contracts
