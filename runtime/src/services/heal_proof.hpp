#pragma once
// The proof of a proposal (issue 11 part 7) as commands in the worktree: configure like the user's
// build folder (or `commands:`), build, the failing test, every unit test, and the gate.
#include <devos/contracts/command.hpp>
#include <devos/contracts/repo_facts.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <devos/ports/command_runner.hpp>
#include <string>
#include <vector>

namespace devos::services {

// Where the proof runs and how it was asked to configure.
struct ProofSetup {
    std::string source;        // the CMake source folder inside the worktree
    std::string build;         // the worktree's build folder (DevOS's, reused before and after the patch)
    std::string userBuildDir;  // -p, or empty when `commands:` configures
    std::string userSourceDir; // its CMAKE_HOME_DIRECTORY
    std::vector<contracts::CMakeCacheEntry> cache;
    contracts::ProofCommands commands;
    contracts::StepTimeouts timeouts;
    std::string testName;
};

// One command's verdict, with the evidence a user needs when it failed.
struct ProofStep {
    bool ok = false;
    bool timedOut = false;
    bool noSuchTest = false; // ctest knows no test of that name
    int failed = 0;          // ctest's count, when it printed one
    int total = 0;
    bool counted = false;
    std::string what;     // the command, as shown
    std::string evidence; // "exit 1 after 3.2 s" + the output's tail
};

// Runs the proof's commands through a CommandRunner.
class HealProof {
public:
    HealProof(ports::CommandRunner& runner, ProofSetup setup) : runner_(runner), setup_(std::move(setup)) {}

    [[nodiscard]] ProofStep configure();
    [[nodiscard]] ProofStep build();
    [[nodiscard]] ProofStep failingTest();
    [[nodiscard]] ProofStep unitTests();
    // check-fast when the build has that target (the repo uses DevOS gates), else nothing to run:
    // ok with `what` "build + unit tests" (the caller already ran both).
    [[nodiscard]] ProofStep gate();
    [[nodiscard]] const ProofSetup& setup() const { return setup_; }

private:
    ProofStep run(const std::string& configured, std::vector<std::string> derived, int timeoutSeconds);

    ports::CommandRunner& runner_;
    ProofSetup setup_;
};

} // namespace devos::services
