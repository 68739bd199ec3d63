// The files `devos init` writes, as raw string literals. `@TIER@` and `@PROJECT@` are replaced.
#include "init/init_templates.hpp"

namespace devos::init {
namespace {

const char* kDevosYml =
    R"(# DevOS repo config, validated by every devos command (`devos explain --list` in this repo
# fails with file:line when it is wrong). Rules, layers and purity lists default to DevOS's rules/*.yml.
version: 1
# 0: lightweight, 1: standard (check-fast + check-full required), 2: critical (90% coverage, self-heal).
tier: @TIER@
# Where each layer lives; these are the defaults. Uncomment a layer to move it.
# layers:
#   contracts:   { paths: ["src/contracts/**", "include/*/contracts/**"] }
#   logic:       { paths: ["src/logic/**", "include/*/logic/**"] }
#   ports:       { paths: ["src/ports/**", "include/*/ports/**"] }
#   services:    { paths: ["src/services/**", "include/*/services/**"] }
#   adapters:    { paths: ["src/adapters/**", "include/*/adapters/**"] }
#   entrypoints: { paths: ["src/entrypoints/**", "include/*/entrypoints/**"] }
# A rule's level: error, warning, note or off (`devos explain <rule>` says why it exists).
# rules:
#   layer.logic-call: error
# check-full's policies (README: "Adopting DevOS in a CMake repo"):
# dependencies: { floors: { OpenSSL: "3.0" }, bans: { Boost: "use the standard library" } }
# licenses: { allow: [MIT, BSD-3-Clause, Apache-2.0, Zlib], deny: [AGPL-3.0-or-later] }
# scan: { exclude: ["tests/fixtures/**"], max_file_kb: 1024 }
)";

const char* kThresholdsTier2 = R"(thresholds:
  coverage: 90
)";

const char* kSelfHealYml =
    R"(# .devos/self-heal.yml: `devos heal` turns a failing test into a proposed fix on a selfheal/<id>
# branch (README: "Self-heal"). It ships DISABLED: opt in explicitly, and start at level 0.
enabled: false  # the kill switch: false stops every attempt before anything happens
autonomy:
  level: 0  # 0 suggest only (human review), 1 auto-fix dev/beta, 2 auto-merge low risk; 3 is refused
  autoMergeThreshold:
    confidence: 90  # minimum agent confidence for auto-merge (level 2)
    riskScore: 20   # maximum risk score for auto-merge (level 2)
slo:
  maxAttemptsPerPattern: 3  # attempts per failure pattern in the window, then escalate to a human
  timeWindow: "1 day"
concurrency:
  maxConcurrentProposals: 5  # attempts running at once
  maxConcurrentPRs: 3        # open proposals (selfheal/* branches) at once
pausedPatterns: []  # pattern ids (or their first 12+ characters) never to attempt
flake:
  reruns: 3  # the failing test re-runs on the unpatched code first; passing once makes it `flaky`
# The proof: configure, build, the failing test before and after, every unit test, and the gate
# (check-fast when the repo uses DevOS gates). Empty: derived from `devos heal -p <build-dir>`.
# Placeholders: {source} the worktree, {build} its build folder, {test} the failing test's name.
commands:
  configure: ""
  build: ""
  test: ""
  unitTests: ""
  gate: ""
timeouts:  # seconds; a step over its timeout stops the attempt
  configure: 600
  build: 1800
  test: 600
  gate: 1800
  agent: 120
paths:
  sensitive: ["**/auth/**", "**/security/**", "**/payment/**", "**/*.pem", "**/*.key", ".github/**", ".ci/**", ".devos/**"]
limits:
  maxFiles: 5
  maxChangedLines: 60
  maxRiskScore: 70  # above it the attempt stops with risk_too_high
agent:
  kind: auto  # playbook (re-applies recorded fixes, no network), chat, or auto (playbook first)
  url: ""     # OpenAI-compatible server base (DEVOS_AGENT_URL wins); key in DEVOS_AGENT_API_KEY
  model: ""   # DEVOS_AGENT_MODEL wins
# Every self-heal branch is named selfheal/<id>; nothing else in the repository is ever written.
)";

const char* kClangFormat = R"(BasedOnStyle: LLVM
ColumnLimit: 110
IndentWidth: 4
AccessModifierOffset: -4
AllowShortFunctionsOnASingleLine: Inline
AllowShortIfStatementsOnASingleLine: Never
BreakBeforeBraces: Attach
DerivePointerAlignment: false
PointerAlignment: Left
IncludeBlocks: Regroup
NamespaceIndentation: None
SpaceAfterTemplateKeyword: true
Standard: Latest
)";

const char* kCMakeGates = R"(# DevOS: layering and purity at compile time, check-fast / check-full gates.
# The tier is the one .devos/devos.yml sets.
find_package(DevOS 1.0 REQUIRED)
devos_enable_gates()
)";

const char* kCMakeLists = R"(cmake_minimum_required(VERSION 3.25)
project(@PROJECT@ LANGUAGES CXX)

set(CMAKE_CXX_STANDARD 23)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

# One target per layer keeps the build graph as clean as the source graph (`devos targets` checks it):
# add_library(@PROJECT@_core STATIC src/logic/....cpp src/services/....cpp)
# add_library(@PROJECT@_adapters STATIC src/adapters/....cpp)
# add_executable(@PROJECT@ src/entrypoints/main.cpp)

)";

const char* kReadmeSection = R"(## Architecture gates (DevOS)

This repo is hexagonal: code lives in `src/<layer>/`, and dependencies point down this list only:
`contracts → logic → ports → services → adapters → entrypoints`. `logic/` is pure (no clock,
randomness, environment, I/O, threads or `throw`): pass values in, inject ports for effects.

- `cmake --build build` fails at the offending line when a rule is broken (Clang 19 plugin, or
  `devos check` edges under other compilers).
- `cmake --build build --target check-fast` runs every gate of the tier (`.devos/devos.yml`);
  `check-full` adds coverage, SBOM, dependency and secret checks. Reports: `build/devos/*.sarif`.
- `devos explain <rule>` says why a rule exists, what to do instead and what is allowed.
- Escapes: `// devos-allow(<rule>): <reason> until YYYY-MM-DD`, reviewed like code.
)";

const char* kBetYml = R"(name: "[BET] Shape Up bet"
description: Shaped work, ready for a 2-week cycle. Agents build from this issue, so fill every field.
title: "[BET] "
labels: ["bet"]
body:
  - type: markdown
    attributes:
      value: |
        A bet states what the work is worth (appetite), not how long it takes. Keep the scope to what
        fits the appetite; cut scope rather than extend time.
  - type: dropdown
    id: appetite
    attributes:
      label: Appetite
      description: What this is worth.
      options:
        - Small (1-2 days)
        - Medium (3-5 days)
        - Large (a whole cycle, 2 weeks)
    validations:
      required: true
  - type: textarea
    id: problem
    attributes:
      label: Problem
      description: What hurts today, for whom, with evidence (links, telemetry, issues).
    validations:
      required: true
  - type: textarea
    id: scope
    attributes:
      label: Scope
      description: The solution at the right level of detail, and the layers it touches (contracts, logic, ports, services, adapters, entrypoints).
    validations:
      required: true
  - type: textarea
    id: no-gos
    attributes:
      label: No-gos and rabbit holes
      description: What is out of scope, and the traps to avoid.
  - type: textarea
    id: acceptance
    attributes:
      label: Acceptance criteria
      description: Observable, testable outcomes; each becomes a test.
    validations:
      required: true
  - type: checkboxes
    id: ai-readiness
    attributes:
      label: AI-readiness checklist
      description: An agent can start without asking anyone when every box is ticked.
      options:
        - label: The problem and the acceptance criteria are testable as written
          required: true
        - label: The layers, files and targets to change are named
          required: true
        - label: New I/O goes behind a named port; logic/ stays pure
          required: true
        - label: Test data, fixtures or a failing test are linked
        - label: The tier's gates (check-fast, check-full) must pass; no new devos-allow without a reason and date
          required: true
)";

const char* kIdeaYml = R"(name: "[IDEA] Idea / feature"
description: An unshaped idea for the inbox. It becomes a bet once it is shaped.
title: "[IDEA] "
labels: ["idea", "inbox"]
body:
  - type: textarea
    id: problem
    attributes:
      label: Problem or opportunity
      description: What could be better, and for whom?
    validations:
      required: true
  - type: textarea
    id: idea
    attributes:
      label: Idea
      description: A rough direction; details come during shaping.
  - type: dropdown
    id: appetite-guess
    attributes:
      label: Appetite guess
      options:
        - Small (1-2 days)
        - Medium (3-5 days)
        - Large (a whole cycle, 2 weeks)
        - Unknown
  - type: textarea
    id: context
    attributes:
      label: Context
      description: Links, related issues, telemetry, prior art.
)";

const char* kBugYml = R"(name: "[BUG] Bug report"
description: A bug report an agent can reproduce and fix without asking questions.
title: "[BUG] "
labels: ["bug"]
body:
  - type: textarea
    id: summary
    attributes:
      label: Summary
      description: One sentence - what is wrong.
    validations:
      required: true
  - type: textarea
    id: reproduce
    attributes:
      label: Steps to reproduce
      description: Exact commands from a clean checkout, and the input data.
      render: shell
    validations:
      required: true
  - type: textarea
    id: expected
    attributes:
      label: Expected behaviour
    validations:
      required: true
  - type: textarea
    id: actual
    attributes:
      label: Actual behaviour
      description: Error messages, exit codes, wrong output.
    validations:
      required: true
  - type: textarea
    id: logs
    attributes:
      label: Logs, stack trace, devos findings
      description: Redact secrets. A failing test name, a SARIF result or a pattern_id helps the self-healer find similar incidents.
      render: text
  - type: dropdown
    id: layer
    attributes:
      label: Suspected layer
      options:
        - contracts
        - logic
        - ports
        - services
        - adapters
        - entrypoints
        - build / CI
        - unknown
  - type: input
    id: environment
    attributes:
      label: Environment
      description: OS, compiler and version, CMake version, DevOS version, commit.
    validations:
      required: true
  - type: checkboxes
    id: checks
    attributes:
      label: Checks
      options:
        - label: I searched the existing issues
          required: true
        - label: The logs above contain no secrets or personal data
          required: true
)";

std::string fill(std::string text, int tier, const std::string& project) {
    for (auto [key, value] : {std::pair{std::string("@TIER@"), std::to_string(tier)}, {"@PROJECT@", project}})
        for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    return text;
}

} // namespace

std::vector<ScaffoldFile> scaffoldFiles(int tier, const std::string& projectName) {
    std::vector<ScaffoldFile> files;
    for (const char* layer : {"contracts", "logic", "ports", "services", "adapters", "entrypoints"})
        files.push_back({std::string("src/") + layer + "/.gitkeep", "", "", ""});
    files.push_back({"tests/.gitkeep", "", "", ""});
    files.push_back({".devos/devos.yml",
                     fill(kDevosYml, tier, projectName) + (tier == 2 ? kThresholdsTier2 : ""), "", ""});
    files.push_back({".devos/self-heal.yml", kSelfHealYml, "", ""});
    files.push_back({".clang-format", kClangFormat, "", ""});
    std::string gates = fill(kCMakeGates, tier, projectName);
    files.push_back(
        {"CMakeLists.txt", fill(kCMakeLists, tier, projectName) + gates, "\n" + gates, "find_package(DevOS"});
    files.push_back({"README.md", "# " + projectName + "\n\n" + kReadmeSection,
                     std::string("\n") + kReadmeSection, "## Architecture gates (DevOS)"});
    files.push_back({".github/ISSUE_TEMPLATE/bet.yml", kBetYml, "", ""});
    files.push_back({".github/ISSUE_TEMPLATE/idea.yml", kIdeaYml, "", ""});
    files.push_back({".github/ISSUE_TEMPLATE/bug_report.yml", kBugYml, "", ""});
    return files;
}

} // namespace devos::init
