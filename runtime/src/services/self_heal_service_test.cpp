// The self-heal loop end to end on a real git repository, real SQLite, libgit2 worktrees and real
// processes; the proof's commands come from `commands:` (shell one-liners), so no compiler runs.
// Only the chat agent is a double (a scripted AgentPort: the model is the boundary).
#include "support/http_test_server.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <devos/adapters/git/git_branch_pusher.hpp>
#include <devos/adapters/git/git_heal_workspace.hpp>
#include <devos/adapters/git/git_repo_history.hpp>
#include <devos/adapters/http/github_pull_requests.hpp>
#include <devos/adapters/process_command_runner.hpp>
#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/pattern_id.hpp>
#include <devos/logic/unified_diff.hpp>
#include <devos/services/default_embedder.hpp>
#include <devos/services/heal_daemon.hpp>
#include <devos/services/heal_reporter.hpp>
#include <devos/services/outcome_sync.hpp>
#include <devos/services/playbook_agent.hpp>
#include <devos/services/self_heal_service.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace devos::services {
namespace {

namespace fs = std::filesystem;

// A chat model that answers what the test tells it to.
struct ScriptedChat : ports::AgentPort {
    contracts::Expected<contracts::AgentAnswer> proposeFix(const contracts::AgentRequest& request) override {
        seen = request;
        if (!error.message.empty())
            return std::unexpected(error);
        return contracts::AgentAnswer{"scripted-model", answer, "the value must be 2", 50, {}};
    }
    contracts::AgentKind kind() const override { return contracts::AgentKind::Chat; }
    std::string answer;
    contracts::Error error;
    contracts::AgentRequest seen;
};

const char* kFailureMessage =
    "tests/value_test.cpp:3: Failure\nExpected equality of these values:\n  value()\n"
    "    Which is: 1\n  2";
const char* kBuggy = "int value() {\n    return 1;\n}\n";
const char* kFixed = "int value() {\n    return 2;\n}\n";

class SelfHealServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::remove_all(repo);
        fs::create_directories(repo / "src/logic");
        fs::create_directories(repo / "tests");
        fs::create_directories(repo / ".devos");
        sh("git init -q -b main");
        write("src/logic/value.hpp", "int value();\n");
        write("tests/value_test.cpp",
              "#include \"logic/value.hpp\"\n#include <gtest/gtest.h>\nTEST(Value, IsTwo) { "
              "EXPECT_EQ(value(), 2); }\n");
        config("");
        write("src/logic/value.cpp", kFixed);
        good = commit("good");
        write("src/logic/value.cpp", kBuggy);
        lost = commit("lose the fix");
        oldFailure = storeFailure(lost);
        write("src/logic/value.cpp", kFixed);
        fixedAt = commit("fix it");
        contracts::RecordedFix fix;
        fix.id = ids.next();
        fix.ts = ids.now();
        fix.patternId = pattern;
        fix.failureId = oldFailure;
        fix.suite = fix.testName = "Value.IsTwo";
        fix.failingCommit = lost;
        fix.fixingCommit = fixedAt;
        fix.diff = logic::unifiedDiff(contracts::CodeDiff{"src/logic/value.cpp", kBuggy, kFixed});
        ASSERT_TRUE(*store->recordFix(fix));
        write("src/logic/other.cpp", "int other() { return 0; }\n\n// moved the code below\n");
        write("src/logic/value.cpp", std::string("// the value\n\n") + kBuggy);
        regressed = commit("merge that lost the fix again");
        failure = storeFailure(regressed);
        before = checkoutState();
    }
    void TearDown() override { fs::remove_all(repo); }

    void sh(const std::string& cmd) {
        ASSERT_EQ(std::system(("cd '" + repo.string() + "' && " + cmd).c_str()), 0) << cmd;
    }
    std::string out(const std::string& cmd) {
        std::string text;
        FILE* pipe = ::popen(("cd '" + repo.string() + "' && " + cmd).c_str(), "r");
        std::array<char, 4096> buf{};
        while (std::fgets(buf.data(), buf.size(), pipe))
            text += buf.data();
        ::pclose(pipe);
        return text;
    }
    void write(const std::string& path, const std::string& text) { std::ofstream(repo / path) << text; }
    std::string commit(const std::string& message) {
        sh("git add -A && git -c user.name=t -c user.email=t@e commit -q -m '" + message + "'");
        return out("git rev-parse HEAD").substr(0, 40);
    }
    // .devos/self-heal.yml with the test's extra keys; the proof's commands are shell one-liners.
    void config(const std::string& extra) {
        write(".devos/self-heal.yml",
              "enabled: true\nflake:\n  reruns: 2\ncommands:\n  configure: \"true\"\n"
              "  build: \"true\"\n  test: \"grep -q 'return 2' src/logic/value.cpp\"\n"
              "  unitTests: \"echo '100% tests passed, 0 tests failed out of 4'\"\n"
              "  gate: \"true\"\n" +
                  extra);
    }
    // A stored failure of Value.IsTwo at `commit` (with `trace`), embedded as ingest does.
    std::string storeFailure(const std::string& commit, const std::string& trace = {}) {
        contracts::IngestBatch b;
        b.run.runId = ids.next();
        b.run.startedAt = ids.now();
        b.run.commitSha = commit;
        b.run.branch = "main";
        contracts::TestFailure f;
        f.id = ids.next();
        f.runId = b.run.runId;
        f.ts = ids.now();
        f.suite = f.testName = "Value.IsTwo";
        f.message = kFailureMessage;
        f.stackTrace = trace;
        f.patternId = pattern = logic::computePatternId(f.message, trace, {});
        b.testFailures.push_back(f);
        EXPECT_TRUE(store->ingest(b));
        const std::vector<std::string> texts{logic::incidentText(f)};
        auto vector = embedder->embed(texts);
        EXPECT_TRUE(store->putEmbedding({"test_failure", f.id, embedder->model(), vector->front().values}));
        return f.id;
    }
    // HEAD, branches, status, stash and the hash of every file outside .git and .devos/selfheal.
    std::string checkoutState() {
        return out(
            "git rev-parse HEAD; git symbolic-ref HEAD; git for-each-ref --format='%(refname) %(objectname)' "
            "| grep -v refs/heads/selfheal/; git status --porcelain; git stash list; git worktree list | wc "
            "-l; "
            "find . -path ./.git -prune -o -path ./.devos/selfheal -prune -o -type f -print0 | sort -z | "
            "xargs -0 sha256sum");
    }
    contracts::SelfHealOutcome
    heal(std::optional<contracts::AgentChoice> agent = contracts::AgentChoice::Playbook,
         std::string id = {}) {
        HealRequest request;
        request.failureId = id.empty() ? failure : id;
        request.repoRoot = repo.string();
        request.agent = agent;
        auto outcome = service.heal(request);
        EXPECT_TRUE(outcome) << outcome.error().render();
        EXPECT_EQ(checkoutState(), before) << "the user's checkout changed";
        return outcome.value_or(contracts::SelfHealOutcome{});
    }
    std::vector<std::string> stepNames(const contracts::SelfHealOutcome& o) {
        std::vector<std::string> names;
        for (const auto& s : o.steps)
            names.push_back(s.name);
        return names;
    }
    std::vector<std::string> eventCodes() {
        std::vector<std::string> codes;
        for (const auto& e : *store->recentEvents(100))
            codes.insert(codes.begin(), e.code);
        return codes;
    }

    fs::path repo = fs::temp_directory_path() / ("devos_selfheal_" + std::to_string(::getpid()));
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    IdGenerator ids{clock, entropy};
    std::unique_ptr<ports::TelemetryStore> store = std::move(*adapters::openSqliteStore(":memory:"));
    std::unique_ptr<ports::Embedder> embedder = makeDefaultEmbedder();
    entrypoints::VectorIndexes indexes{contracts::VectorBackend::Cpu};
    std::unique_ptr<ports::Redactor> redactor = std::move(*adapters::makeDefaultRedactor());
    IncidentSearch search{*store, *embedder, indexes, *redactor};
    adapters::YamlConfigFileReader configReader;
    adapters::GitHealWorkspace workspace;
    adapters::ProcessCommandRunner runner;
    adapters::ProposalBundleFiles bundles;
    PlaybookAgent playbook;
    ScriptedChat chat;
    SelfHealService service{SelfHealPorts{*store,
                                          search,
                                          configReader,
                                          workspace,
                                          runner,
                                          bundles,
                                          *redactor,
                                          ids,
                                          &playbook,
                                          [this](const contracts::SelfHealConfig&) { return &chat; },
                                          {},
                                          nullptr,
                                          {}}};
    adapters::GitRepoHistory history;
    OutcomeSync outcomes{*store, history, workspace, configReader, ids};
    std::string good, lost, fixedAt, regressed, oldFailure, failure, pattern, before;

    // devos heal sync; the changes it recorded.
    std::vector<OutcomeChange> sync() {
        auto report = outcomes.sync(repo.string());
        EXPECT_TRUE(report) << report.error().render();
        return report ? report->changes : std::vector<OutcomeChange>{};
    }
    contracts::FixOutcome proposalOutcome() { return store->attempts({})->front().outcome; }
};

} // namespace

TEST_F(SelfHealServiceTest, TheRegressionOfALearnedFixIsHealedOnABranch) {
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(stepNames(o), (std::vector<std::string>{"detect", "flake", "slo", "retrieve", "propose",
                                                      "validate", "prove", "branch", "proposal"}));
    EXPECT_NE(o.steps[1].summary.find("failed 2 of 2 reruns on the unpatched code: deterministic"),
              std::string::npos);
    EXPECT_EQ(o.steps[2].summary, "attempt 1 of 3 for this pattern in 1 day");
    EXPECT_NE(o.steps[3].summary.find("with a recorded fix (1.00: fixed by " + fixedAt.substr(0, 7)),
              std::string::npos)
        << o.steps[3].summary;
    EXPECT_NE(o.steps[4].summary.find("playbook: re-applies " + fixedAt.substr(0, 7) +
                                      "'s change to src/logic/value.cpp (context moved 2 lines)"),
              std::string::npos)
        << o.steps[4].summary;
    EXPECT_EQ(o.steps[5].summary, "ok: 1 file, +1 -1, logic/ covered by the failing test; risk 12 (low)");
    EXPECT_EQ(o.steps[6].summary,
              "before: Value.IsTwo fails · after: it passes, 4/4 unit tests pass, build + unit tests passed");
    const auto& p = *o.proposal;
    EXPECT_EQ(o.branch, "selfheal/" + p.id);
    EXPECT_EQ(p.references, (std::vector<std::string>{store->fixes({})->front().id, fixedAt}));
    // The branch: one commit on top of the failing commit with the fix and the trailers.
    EXPECT_EQ(out("git rev-parse " + o.branch + "^").substr(0, 40), regressed);
    EXPECT_EQ(out("git show " + o.branch + ":src/logic/value.cpp"), std::string("// the value\n\n") + kFixed);
    const std::string message = out("git log -1 --format=%B " + o.branch);
    EXPECT_NE(message.find("DevOS-Pattern: " + pattern), std::string::npos);
    EXPECT_NE(message.find("DevOS-Proposal: " + p.id), std::string::npos);
    // The bundle.
    const fs::path bundle = repo / o.bundleDir;
    for (const char* f : {"PR.md", "fix.patch", "report.json", "gates.sarif"})
        EXPECT_TRUE(fs::exists(bundle / f)) << f;
    EXPECT_NE(out("cat " + o.bundleDir + "/PR.md").find("Labels: `self-heal`, `risk-low`"),
              std::string::npos);
    sh("git diff --quiet " + regressed + " " + o.branch + " -- . || true");
    // The worktree and its build folder are gone; the attempt row and the events are there.
    EXPECT_FALSE(fs::exists(bundle / "worktree"));
    EXPECT_EQ(out("git worktree list | wc -l"), "1\n");
    auto rows = store->attempts({});
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].status, "proposed");
    EXPECT_EQ((*rows)[0].branch, o.branch);
    EXPECT_EQ((*rows)[0].riskScore, 12);
    EXPECT_EQ(eventCodes(), (std::vector<std::string>{"selfheal.started", "selfheal.validation_passed",
                                                      "selfheal.proof_passed", "selfheal.proposed"}));
    // A second heal of the same failure stops: its proposal is open.
    const auto again = heal();
    EXPECT_EQ(again.reason, contracts::StopReason::Concurrency);
    EXPECT_NE(again.evidence.find("already has the open proposal " + p.id), std::string::npos);
}

TEST_F(SelfHealServiceTest, TheKillSwitchAndAPausedPatternDoNothing) {
    write(".devos/self-heal.yml", "enabled: false\n");
    before = checkoutState();
    auto o = heal();
    EXPECT_EQ(o.reason, contracts::StopReason::Disabled);
    EXPECT_NE(o.evidence.find("enabled: false"), std::string::npos);
    config("pausedPatterns: [\"" + pattern + "\"]\n");
    before = checkoutState();
    o = heal();
    EXPECT_EQ(o.reason, contracts::StopReason::Paused);
    EXPECT_EQ(*store->count(contracts::TelemetryTable::SelfhealProposals), 0);
    EXPECT_TRUE(eventCodes().empty());
    EXPECT_FALSE(fs::exists(repo / ".devos/selfheal"));
}

TEST_F(SelfHealServiceTest, APatternPausedUnderItsV1IdStaysPaused) {
    // A trace with a mangled std:: frame: pattern-id normalizer v1 kept the frame, v2 leaves it out,
    // so the two ids differ; a pausedPatterns entry written with the v1 id must still pause it.
    const std::string trace = "./app(_ZNSt6vectorIiSaIiEE14_M_range_checkEm+0x3c) [0x1]\n"
                              "./app(_ZN5value3getEv+0x1c) [0x2]\n";
    const std::string id = storeFailure(regressed, trace);
    const std::string v1 = logic::computePatternId(kFailureMessage, trace, {}, logic::PatternIdVersion::v1);
    ASSERT_NE(v1, pattern);
    config("pausedPatterns: [\"" + v1 + "\"]\n");
    before = checkoutState();
    const auto o = heal(contracts::AgentChoice::Playbook, id);
    EXPECT_EQ(o.reason, contracts::StopReason::Paused);
    EXPECT_NE(o.evidence.find("pattern " + v1), std::string::npos) << o.evidence;
}

TEST_F(SelfHealServiceTest, AFlakyTestIsNeverATarget) {
    config("");
    // Fails on the first run only: a counter file outside the repository.
    const auto counter = repo.string() + ".count";
    fs::remove(counter);
    write(".devos/self-heal.yml",
          "enabled: true\nflake:\n  reruns: 3\ncommands:\n  configure: \"true\"\n  build: \"true\"\n"
          "  test: \"echo x >> " +
              counter + "; test $(wc -l < " + counter +
              ") -gt 1\"\n"
              "  unitTests: \"true\"\n  gate: \"true\"\n");
    before = checkoutState();
    const auto o = heal();
    EXPECT_EQ(o.reason, contracts::StopReason::Flaky);
    EXPECT_NE(o.steps[1].summary.find("passed 2 of 3 reruns"), std::string::npos);
    EXPECT_EQ(store->attempts({})->front().status, "flaky");
    EXPECT_FALSE(fs::exists(repo / ".devos/selfheal" / store->attempts({})->front().proposalId));
    fs::remove(counter);
}

TEST_F(SelfHealServiceTest, AFailureThatDoesNotReproduceIsNotHealed) {
    config("");
    write(".devos/self-heal.yml",
          "enabled: true\ncommands:\n  configure: \"true\"\n  build: \"true\"\n  test: \"true\"\n"
          "  unitTests: \"true\"\n");
    before = checkoutState();
    const auto o = heal();
    EXPECT_EQ(o.reason, contracts::StopReason::NotReproduced);
    EXPECT_NE(o.evidence.find("passed 3 of 3 reruns"), std::string::npos);
}

TEST_F(SelfHealServiceTest, NoRecordedFixMeansNoFixFound) {
    config("flake:\n  reruns: 0\n");
    before = checkoutState();
    // A failure with nothing similar stored: a new message and pattern.
    contracts::IngestBatch b;
    b.run.runId = ids.next();
    b.run.commitSha = regressed;
    contracts::TestFailure f;
    f.id = ids.next();
    f.runId = b.run.runId;
    f.suite = f.testName = "Value.IsTwo";
    f.message = "segmentation fault in the frobnicator";
    f.patternId = std::string(64, 'f');
    b.testFailures.push_back(f);
    ASSERT_TRUE(store->ingest(b));
    const auto o = heal(contracts::AgentChoice::Playbook, f.id);
    EXPECT_EQ(o.reason, contracts::StopReason::NoFixFound);
    EXPECT_NE(o.evidence.find("none with a recorded fix"), std::string::npos) << o.evidence;
}

TEST_F(SelfHealServiceTest, TheChatAgentsAnswerIsAppliedOrRejectedWithItsRule) {
    config("flake:\n  reruns: 0\nslo:\n  maxAttemptsPerPattern: 50\n");
    before = checkoutState();
    chat.answer =
        "src/logic/value.cpp\n<<<<<<< SEARCH\n    return 1;\n=======\n    return 2;\n>>>>>>> REPLACE\n";
    auto o = heal(contracts::AgentChoice::Chat);
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(o.proposal->agentContext.model, "scripted-model");
    EXPECT_EQ(o.risk.score, 2 + 10 + 15 + 10);
    EXPECT_NE(chat.seen.codeContext.size(), 0u);
    EXPECT_EQ(chat.seen.testName, "Value.IsTwo");
    sh("git branch -D -q " + o.branch);
    const std::pair<std::string, std::string> malicious[] = {
        {"../outside.cpp\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n", "path.outside-repo"},
        {"/etc/passwd\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n", "path.outside-repo"},
        {".git/config\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n", "path.git-dir"},
        {"I think you should change the value.", "answer.format"},
        {"src/logic/value.cpp\n<<<<<<< SEARCH\n    return 7;\n=======\n    return 2;\n>>>>>>> REPLACE\n",
         "answer.search-not-found"},
        {"src/logic/value.cpp\n<<<<<<< SEARCH\nint value() {\n=======\n#include <boost/any.hpp>\nint value() "
         "{\n"
         ">>>>>>> REPLACE\n",
         "dependency.include"},
        {"tests/value_test.cpp\n<<<<<<< SEARCH\nTEST(Value, IsTwo) { EXPECT_EQ(value(), 2); "
         "}\n=======\nTEST(Value, IsTwo) "
         "{}\n>>>>>>> REPLACE\n",
         "test.edits-failing-test"},
    };
    for (const auto& [answer, rule] : malicious) {
        chat.answer = answer;
        o = heal(contracts::AgentChoice::Chat);
        EXPECT_EQ(o.reason, contracts::StopReason::ValidationFailed) << rule;
        ASSERT_FALSE(o.rejections.empty()) << rule;
        EXPECT_EQ(o.rejections.front().rule, rule) << o.evidence;
        EXPECT_EQ(out("git branch --list 'selfheal/*'"), "") << rule;
    }
    chat.error = contracts::Error{contracts::ErrorKind::Unavailable,
                                  {},
                                  0,
                                  "the chat agent at http://x/v1/chat/completions did not answer within 1 s",
                                  "raise it"};
    o = heal(contracts::AgentChoice::Chat);
    EXPECT_EQ(o.reason, contracts::StopReason::NoFixFound);
    EXPECT_EQ(o.rejections.front().rule, "agent.timeout");
}

TEST_F(SelfHealServiceTest, TheSloStopsAfterTheAllowedAttempts) {
    config("flake:\n  reruns: 0\nslo:\n  maxAttemptsPerPattern: 2\n");
    before = checkoutState();
    chat.answer = "garbage";
    EXPECT_EQ(heal(contracts::AgentChoice::Chat).reason, contracts::StopReason::ValidationFailed);
    EXPECT_EQ(heal(contracts::AgentChoice::Chat).reason, contracts::StopReason::ValidationFailed);
    const auto o = heal(contracts::AgentChoice::Chat);
    EXPECT_EQ(o.reason, contracts::StopReason::SloExceeded);
    EXPECT_NE(o.evidence.find("2 attempts for this pattern in 1 day"), std::string::npos);
    const auto codes = eventCodes();
    EXPECT_EQ(codes.back(), "selfheal.slo_exceeded");
}

TEST_F(SelfHealServiceTest, UsageAndConfigurationErrors) {
    HealRequest request;
    request.repoRoot = repo.string();
    EXPECT_EQ(service.heal(request).error().kind,
              contracts::ErrorKind::Invalid); // neither --failure nor --latest
    request.failureId = "01NOSUCHFAILURE00000000000";
    auto unknown = service.heal(request);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("unknown failure id"), std::string::npos);
    write(".devos/self-heal.yml", "enabled: true\nslo:\n  maxAttempts: 3\n");
    request.failureId = failure;
    auto bad = service.heal(request);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().file, ".devos/self-heal.yml");
    EXPECT_EQ(bad.error().line, 3u);
    write(".devos/self-heal.yml", "enabled: true\n");
    auto noBuild = service.heal(request);
    ASSERT_FALSE(noBuild);
    EXPECT_NE(noBuild.error().message.find("needs -p <build-dir>"), std::string::npos);
    request.buildDir = (repo / "nobuild").string();
    EXPECT_NE(service.heal(request).error().message.find("not a configured CMake build"), std::string::npos);
}

} // namespace devos::services

namespace devos::services {

TEST_F(SelfHealServiceTest, SyncSeesAMergedProposalThenItsRevertAndTheRepeatIsEscalated) {
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    const auto first = sync();
    ASSERT_EQ(first.size(), 1u)
        << "only the learned fix: on main, and its pattern failed again at `regressed`";
    EXPECT_EQ(first[0].subject, contracts::OutcomeSubject::Fix);
    EXPECT_EQ(proposalOutcome().state, contracts::OutcomeState::Open) << "not merged yet";
    sh("git -c user.name=t -c user.email=t@e merge -q --no-ff -m 'Merge the fix' " + o.branch);
    const std::string merge = out("git rev-parse HEAD").substr(0, 40);
    const auto merged = sync();
    auto outcome = proposalOutcome();
    EXPECT_EQ(outcome.state, contracts::OutcomeState::Merged);
    EXPECT_EQ(outcome.mergedCommit, merge);
    EXPECT_GT(outcome.mergedAt, 0);
    const auto fix = store->fixes({})->front();
    EXPECT_EQ(fix.outcome.state, contracts::OutcomeState::Recurred);
    EXPECT_EQ(fix.outcome.recurredFailureId, failure);
    EXPECT_EQ(fix.outcome.mergedCommit, fixedAt);
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].from, contracts::OutcomeState::Open);
    EXPECT_TRUE(sync().empty()) << "a second sync changes nothing";
    sh("git -c user.name=t -c user.email=t@e revert --no-edit -m 1 HEAD >/dev/null");
    const std::string revert = out("git rev-parse HEAD").substr(0, 40);
    sync();
    outcome = proposalOutcome();
    EXPECT_EQ(outcome.state, contracts::OutcomeState::Reverted);
    EXPECT_EQ(outcome.revertedBy, revert);
    EXPECT_EQ(outcome.mergedCommit, merge);
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.merged"), codes.end());
    EXPECT_NE(std::ranges::find(codes, "selfheal.reverted"), codes.end());
    // The failure comes back at the revert: the pattern goes to a human.
    const auto back = storeFailure(revert);
    before = checkoutState();
    const auto again = heal(contracts::AgentChoice::Playbook, back);
    EXPECT_EQ(again.reason, contracts::StopReason::Escalated);
    EXPECT_NE(again.evidence.find("self-heal proposal " + o.proposal->id), std::string::npos)
        << again.evidence;
    EXPECT_NE(again.evidence.find("was reverted by " + revert.substr(0, 7)), std::string::npos)
        << again.evidence;
}

TEST_F(SelfHealServiceTest, AMergedProposalWhosePatternComesBackIsRecurredAndEscalated) {
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    sh("git merge -q --ff-only " + o.branch);
    write("src/logic/value.cpp", std::string("// the value\n\n") + kBuggy);
    const auto back = storeFailure(commit("lose it once more"));
    sync();
    const auto outcome = proposalOutcome();
    EXPECT_EQ(outcome.state, contracts::OutcomeState::Recurred);
    EXPECT_EQ(outcome.mergedCommit, o.commitSha) << "a fast-forward merges the proposal's own commit";
    EXPECT_EQ(outcome.recurredFailureId, back);
    before = checkoutState();
    const auto again = heal(contracts::AgentChoice::Playbook, back);
    EXPECT_EQ(again.reason, contracts::StopReason::Escalated);
    EXPECT_NE(again.evidence.find("came back after it merged (failure " + back + ")"), std::string::npos)
        << again.evidence;
}

TEST_F(SelfHealServiceTest, ADeletedUnmergedProposalBranchIsRejected) {
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    sh("git branch -q -D " + o.branch);
    const auto changes = sync();
    ASSERT_EQ(changes.size(), 2u) << "the proposal, and the learned fix that recurred at `regressed`";
    EXPECT_EQ(changes[1].subject, contracts::OutcomeSubject::Proposal);
    EXPECT_EQ(changes[1].to.state, contracts::OutcomeState::Rejected);
    EXPECT_EQ(proposalOutcome().state, contracts::OutcomeState::Rejected);
}

TEST_F(SelfHealServiceTest, ARevertedFixIsNeverReapplied) {
    const auto fix = store->fixes({})->front();
    contracts::FixOutcome reverted;
    reverted.state = contracts::OutcomeState::Reverted;
    reverted.revertedBy = good;
    ASSERT_TRUE(*store->recordOutcome(contracts::OutcomeSubject::Fix, fix.id, reverted));
    const auto o = heal();
    EXPECT_FALSE(o.proposed);
    EXPECT_EQ(o.reason, contracts::StopReason::NoFixFound);
}

TEST_F(SelfHealServiceTest, SyncNamesAMissingDefaultBranch) {
    config("branches:\n  default: trunk\n");
    auto report = outcomes.sync(repo.string());
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_NE(report.error().message.find("the default branch 'trunk' does not exist"), std::string::npos);
}

TEST_F(SelfHealServiceTest, AutonomyLevelTwoNeedsAMergedUnrevertedFixToReapply) {
    config("autonomy:\n  level: 2\nbranches:\n  integration: dev\n");
    write(".devos/devos.yml", "tier: 2\n");
    commit("tier 2, level 2");
    before = checkoutState();
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    // Decided level 1, which cannot act without publish.remote: level 0 saying both.
    EXPECT_EQ(o.autonomy.level, 0);
    EXPECT_EQ(o.autonomy.action, "human_review");
    EXPECT_NE(o.autonomy.reason.find("could not act (publish.remote is not set"), std::string::npos)
        << o.autonomy.reason;
    EXPECT_NE(o.autonomy.reason.find("auto-fix on dev"), std::string::npos) << o.autonomy.reason;
    EXPECT_NE(o.autonomy.reason.find("not level 2: the re-applied fix has no merged, unreverted history"),
              std::string::npos)
        << o.autonomy.reason;
}

} // namespace devos::services

namespace devos::services {
namespace {

// The daemon's wakeup in these tests: returns at once and requests a stop after `waits` waits (the
// notification channel is the boundary; the store, git and the heals are real).
struct CountedWakeup : ports::FailureWakeup {
    explicit CountedWakeup(std::atomic<bool>& stop, int waits) : stop_(stop), left_(waits) {}
    contracts::Expected<bool> wait(std::chrono::milliseconds) override {
        if (--left_ <= 0)
            stop_ = true;
        return false;
    }
    std::atomic<bool>& stop_;
    int left_;
};

} // namespace

class HealDaemonTest : public SelfHealServiceTest {
protected:
    DaemonStats runDaemon(const std::string& id, int maxHeals, int waits = 3) {
        std::atomic<bool> stop{false};
        CountedWakeup wakeup(stop, waits);
        HealDaemon daemon(
            *store, service, configReader, wakeup, workspace, ids,
            [this](const std::string& line) { logged += line + "\n"; }, &outcomes);
        DaemonSettings settings;
        settings.repoRoot = repo.string();
        settings.daemonId = id;
        settings.maxHeals = maxHeals;
        settings.poll = std::chrono::milliseconds(1);
        return daemon.run(settings, stop);
    }
    long long attemptsOf(const std::string& failureId) {
        contracts::AttemptQuery q;
        q.triggerId = failureId;
        return *store->countAttempts(q);
    }
    std::string logged;
};

TEST_F(HealDaemonTest, EachPendingFailureIsHealedOnceAcrossARestart) {
    config("concurrency:\n  maxConcurrentPRs: 50\n");
    const auto more = storeFailure(regressed);
    ASSERT_EQ(store->pendingFailures(0, ids.now(), "", 10)->size(), 3u);
    const auto first = runDaemon("d1", 2);
    EXPECT_EQ(first.healed, 2);
    EXPECT_EQ(store->pendingFailures(0, ids.now(), "", 10)->size(), 1u);
    const auto second = runDaemon("d2", 0);
    EXPECT_EQ(second.healed, 1) << logged;
    EXPECT_TRUE(store->pendingFailures(0, ids.now(), "", 10)->empty());
    for (const auto& id : {oldFailure, failure, more})
        EXPECT_EQ(attemptsOf(id), 1) << id;
    EXPECT_EQ(first.proposed + second.proposed, 2) << "both failures at `regressed` got the learned fix";
    EXPECT_EQ(runDaemon("d3", 0).healed, 0) << "nothing is healed twice";
    auto events = *store->recentEvents(200);
    EXPECT_TRUE(
        std::ranges::any_of(events, [](const auto& e) { return e.code == "selfheal.daemon.heartbeat"; }));
    EXPECT_EQ(out("git worktree list | wc -l"), "1\n") << "no worktree left behind";
}

TEST_F(HealDaemonTest, TheKillSwitchAndAPausedPatternLeaveFailuresPending) {
    config("");
    write(".devos/self-heal.yml", "enabled: false\n");
    EXPECT_EQ(runDaemon("d1", 0).healed, 0);
    EXPECT_EQ(store->pendingFailures(0, ids.now(), "", 10)->size(), 2u);
    config("pausedPatterns: [\"" + pattern + "\"]\n");
    EXPECT_EQ(runDaemon("d1", 0).healed, 0);
    EXPECT_EQ(store->pendingFailures(0, ids.now(), "", 10)->size(), 2u)
        << "re-read: still pending, not claimed";
    EXPECT_EQ(*store->countAttempts({}), 0);
    config("");
    EXPECT_EQ(runDaemon("d1", 0).healed, 2) << "enabled again: healed";
}

TEST_F(HealDaemonTest, TheHeartbeatRecordsOutcomes) {
    config("concurrency:\n  maxConcurrentPRs: 50\n");
    before = checkoutState();
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    sh("git -c user.name=t -c user.email=t@e merge -q --no-ff -m 'Merge the fix' " + o.branch);
    runDaemon("d1", 0, 1);
    bool merged = false;
    for (const auto& a : *store->attempts({}))
        if (a.proposalId == o.proposal->id)
            merged = a.outcome.state == contracts::OutcomeState::Merged;
    EXPECT_TRUE(merged) << logged;
    EXPECT_NE(logged.find("proposal " + o.proposal->id + ": merged"), std::string::npos) << logged;
}

TEST_F(HealDaemonTest, TheOpenProposalCapIsHeldInTheStore) {
    config("concurrency:\n  maxConcurrentPRs: 1\n");
    storeFailure(regressed);
    const auto stats = runDaemon("d1", 0);
    EXPECT_EQ(stats.proposed, 1);
    EXPECT_NE(logged.find("at capacity"), std::string::npos) << logged;
    EXPECT_EQ(store->pendingFailures(0, ids.now(), "", 10)->size(),
              3u - static_cast<std::size_t>(stats.healed));
    EXPECT_GE(store->pendingFailures(0, ids.now(), "", 10)->size(), 1u) << "the rest wait for the cap";
}

} // namespace devos::services

namespace devos::services {

TEST_F(SelfHealServiceTest, TheReportCountsTheRowsAndRecordsTheSameNumbersAsMetrics) {
    const auto o = heal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    sh("git -c user.name=t -c user.email=t@e merge -q --no-ff -m 'Merge the fix' " + o.branch);
    sync();
    auto steps = store->metrics("selfheal.step.millis", 0);
    ASSERT_TRUE(steps);
    EXPECT_EQ(steps->size(), o.steps.size()) << "one sample per step of the heal";
    HealReporter reporter(*store, ids);
    auto report = reporter.report(0, "30d");
    ASSERT_TRUE(report) << report.error().render();
    EXPECT_EQ(report->attempts, *store->countAttempts({}));
    contracts::AttemptQuery proposed;
    proposed.statuses = {"proposed"};
    EXPECT_EQ(report->proposed, *store->countAttempts(proposed));
    EXPECT_EQ(report->merged, 1);
    EXPECT_DOUBLE_EQ(report->acceptanceRate, 1.0);
    ASSERT_TRUE(report->mttrWithMillis);
    const auto attempt = store->attempts({})->front();
    const auto failed =
        store->queryFailures({std::nullopt, std::nullopt, failure, std::nullopt, std::nullopt, 1});
    EXPECT_DOUBLE_EQ(*report->mttrWithMillis,
                     static_cast<double>(std::max(0LL, attempt.outcome.mergedAt - failed->front().ts)));
    EXPECT_TRUE(report->samePatterns) << "the learned human fix is of the same pattern";
    ASSERT_EQ(report->recurring.size(), 1u) << "the learned fix came back at `regressed`";
    EXPECT_EQ(report->recurring[0].failures, 2);
    ASSERT_FALSE(report->steps.empty());
    EXPECT_EQ(report->steps.front().step, "detect");
    const auto row = [&](const std::string& name) {
        auto rows = store->metrics("selfheal.report." + name, 0);
        return rows && rows->size() == 1 ? rows->front().value : -1.0;
    };
    EXPECT_EQ(row("proposed"), static_cast<double>(report->proposed));
    EXPECT_EQ(row("merged"), static_cast<double>(report->merged));
    EXPECT_EQ(row("acceptance_rate"), report->acceptanceRate);
    EXPECT_EQ(row("attempts"), static_cast<double>(report->attempts));
}

} // namespace devos::services

namespace devos::services {

// Publishing: a real push to a local bare repository, and GitHub's API as a local stand-in.
class PublishTest : public SelfHealServiceTest {
protected:
    void SetUp() override {
        SelfHealServiceTest::SetUp();
        fs::remove_all(remote);
        sh("git init -q --bare '" + remote.string() + "'");
    }
    void TearDown() override {
        fs::remove_all(remote);
        SelfHealServiceTest::TearDown();
    }
    contracts::SelfHealOutcome publishHeal() {
        SelfHealService publishing{
            SelfHealPorts{*store,
                          search,
                          configReader,
                          workspace,
                          runner,
                          bundles,
                          *redactor,
                          ids,
                          &playbook,
                          {},
                          {},
                          &pusher,
                          [this](const contracts::SelfHealConfig& c) -> ports::PullRequestHost* {
                              adapters::GitHubOptions o;
                              o.api = c.publish.api;
                              o.repository = c.publish.repository;
                              o.token = "t0ken";
                              o.initialBackoff = std::chrono::milliseconds(1);
                              github = std::make_unique<adapters::GitHubPullRequests>(o);
                              return github.get();
                          }}};
        HealRequest request;
        request.failureId = failure;
        request.repoRoot = repo.string();
        request.agent = contracts::AgentChoice::Playbook;
        auto outcome = publishing.heal(request);
        EXPECT_TRUE(outcome) << outcome.error().render();
        return outcome.value_or(contracts::SelfHealOutcome{});
    }
    fs::path remote =
        fs::temp_directory_path() / ("devos_publish_remote_" + std::to_string(::getpid()) + ".git");
    adapters::GitBranchPusher pusher;
    std::unique_ptr<adapters::GitHubPullRequests> github;
    test_support::TestServer api{[](const test_support::Request& r) -> test_support::Response {
        if (r.head.starts_with("POST /repos/acme/orders/pulls "))
            return {201,
                    R"({"number": 7, "html_url": "https://github.com/acme/orders/pull/7", "node_id": "N"})"};
        return {200, "[]"};
    }};
};

TEST_F(PublishTest, AProposalIsPushedAndOpensADraftPullRequestWithItsLabelsAndPrMd) {
    config("publish:\n  remote: \"" + remote.string() + "\"\n  repository: acme/orders\n  api: \"" +
           api.url() + "\"\n");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    ASSERT_EQ(o.steps.back().name, "publish");
    EXPECT_EQ(o.steps.back().status, contracts::StepStatus::Ok) << o.steps.back().summary;
    EXPECT_EQ(o.steps.back().summary, "draft pull request #7 https://github.com/acme/orders/pull/7");
    EXPECT_EQ(out("git -C '" + remote.string() + "' rev-parse " + o.branch).substr(0, 40), o.commitSha);
    const auto requests = api.requests();
    ASSERT_EQ(requests.size(), 2u);
    const auto created = nlohmann::json::parse(requests[0].body);
    EXPECT_EQ(created["draft"], true) << "autonomy level 0";
    EXPECT_EQ(created["head"], o.branch);
    EXPECT_EQ(created["body"].get<std::string>(),
              out("cat '" + (repo / o.bundleDir / "PR.md").string() + "'"));
    EXPECT_EQ(nlohmann::json::parse(requests[1].body)["labels"], nlohmann::json(o.labels));
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.pr_opened"), codes.end());
}

// Autonomy level 1 (tier 1, logic/ only, risk 12, gates green): publish fast-forwards the remote's
// integration branch to the selfheal commit, never anything else; when it cannot, level 0 with why.
class LevelOneTest : public PublishTest {
protected:
    void SetUp() override {
        PublishTest::SetUp();
        config("autonomy:\n  level: 1\nbranches:\n  integration: dev\npublish:\n  remote: \"" +
               remote.string() + "\"\n  repository: acme/orders\n  api: \"" + api.url() + "\"\n");
        sh("git push -q '" + remote.string() + "' " + regressed + ":refs/heads/dev");
    }
    std::string remoteRev(const std::string& ref) {
        return out("git -C '" + remote.string() + "' rev-parse " + ref).substr(0, 40);
    }
    nlohmann::json createdPullRequest() {
        const auto requests = api.requests();
        return requests.empty() ? nlohmann::json() : nlohmann::json::parse(requests[0].body);
    }
    std::string prMd(const contracts::SelfHealOutcome& o) {
        return out("cat '" + (repo / o.bundleDir / "PR.md").string() + "'");
    }
};

TEST_F(LevelOneTest, AGreenLowRiskFixFastForwardsTheIntegrationBranch) {
    const auto refsBefore = out("git for-each-ref --format='%(refname)' | grep -v refs/heads/selfheal/");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(o.autonomy.level, 1) << o.autonomy.reason;
    EXPECT_EQ(o.steps.back().status, contracts::StepStatus::Ok) << o.steps.back().summary;
    EXPECT_NE(o.steps.back().summary.find("; dev fast-forwarded " + regressed.substr(0, 7) + ".." +
                                          o.commitSha.substr(0, 7)),
              std::string::npos)
        << o.steps.back().summary;
    EXPECT_EQ(remoteRev("dev"), o.commitSha);
    EXPECT_EQ(out("git -C '" + remote.string() + "' for-each-ref --format='%(refname)' | sort"),
              "refs/heads/dev\nrefs/heads/" + o.branch + "\n")
        << "only dev and the selfheal branch, never main";
    EXPECT_EQ(createdPullRequest()["draft"], false) << "level 1: a pull request ready for review";
    EXPECT_NE(prMd(o).find("Autonomy: autonomy level 1: auto-fix on dev"), std::string::npos) << prMd(o);
    EXPECT_EQ(out("git for-each-ref --format='%(refname)' | grep -v refs/heads/selfheal/"), refsBefore)
        << "no local ref was written";
    EXPECT_FALSE(fs::exists(repo / ".git/FETCH_HEAD"));
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.integration_pushed"), codes.end());
}

TEST_F(LevelOneTest, AnIntegrationBranchThatMovedOnFallsBackToLevelZeroWithTheReason) {
    // dev moves on at the remote to a commit this repository has never seen (fetched to compare).
    sh("git -C '" + remote.string() + "' update-ref refs/heads/dev $(git -C '" + remote.string() +
       "' -c user.name=t -c user.email=t@e commit-tree -p " + good + " -m moved-on " + good + "^{tree})");
    const std::string moved = remoteRev("dev");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(remoteRev("dev"), moved) << "dev is not touched";
    EXPECT_EQ(o.autonomy.level, 0);
    EXPECT_NE(
        o.autonomy.reason.find("autonomy level 1 could not act (" + o.branch + " does not fast-forward dev"),
        std::string::npos)
        << o.autonomy.reason;
    EXPECT_NE(o.steps.back().summary.find("dev not moved, level 0"), std::string::npos)
        << o.steps.back().summary;
    const auto created = createdPullRequest();
    EXPECT_EQ(created["draft"], true) << "fell back to level 0";
    EXPECT_NE(created["body"].get<std::string>().find("does not fast-forward dev"), std::string::npos)
        << "the reason is in the pull request";
    EXPECT_EQ(created["body"].get<std::string>(), prMd(o));
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.integration_refused"), codes.end());
    EXPECT_FALSE(fs::exists(repo / ".git/FETCH_HEAD")) << "dev's commit was downloaded, no ref written";
}

TEST_F(LevelOneTest, TheRemotesDefaultBranchIsNeverWritten) {
    sh("git -C '" + remote.string() + "' symbolic-ref HEAD refs/heads/dev");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(remoteRev("dev"), regressed);
    EXPECT_EQ(o.autonomy.level, 0);
    EXPECT_NE(o.autonomy.reason.find("dev is the default branch of " + remote.string() +
                                     ": DevOS never writes the default branch"),
              std::string::npos)
        << o.autonomy.reason;
}

TEST_F(LevelOneTest, WithoutARemoteLevelOneIsLevelZeroWithTheReason) {
    config("autonomy:\n  level: 1\nbranches:\n  integration: dev\n");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(o.autonomy.level, 0);
    EXPECT_NE(o.autonomy.reason.find("publish.remote is not set"), std::string::npos) << o.autonomy.reason;
    EXPECT_NE(out("cat '" + (repo / o.bundleDir / "PR.md").string() + "'").find("publish.remote is not set"),
              std::string::npos);
}

TEST_F(PublishTest, AFailedPushIsAFailedPublishStepAndTheProposalStands) {
    config("publish:\n  remote: \"" + (remote.string() + "-missing") + "\"\n");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    EXPECT_EQ(o.steps.back().name, "publish");
    EXPECT_EQ(o.steps.back().status, contracts::StepStatus::Failed);
    EXPECT_NE(o.steps.back().summary.find("cannot push " + o.branch), std::string::npos)
        << o.steps.back().summary;
    EXPECT_TRUE(api.requests().empty()) << "no pull request for a branch that was not pushed";
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.publish_failed"), codes.end());
}

} // namespace devos::services

namespace devos::services {

// The trace of an attempt goes to the span exporter (a double at the port: the OTLP adapter has its
// own tests); a collector that refuses it is an event, and the proposal stands.
struct RecordingSpans : ports::SpanExporter {
    contracts::Expected<void> exportSpans(std::span<const contracts::TraceSpan> spans) override {
        received.insert(received.end(), spans.begin(), spans.end());
        if (refuse)
            return contracts::fail(contracts::ErrorKind::Unavailable, "POST /v1/traces answered HTTP 503");
        return {};
    }
    std::vector<contracts::TraceSpan> received;
    bool refuse = false;
};

TEST_F(SelfHealServiceTest, EachAttemptExportsOneSpanPerStepUnderItsAttemptSpan) {
    RecordingSpans spans;
    SelfHealService traced{SelfHealPorts{*store,
                                         search,
                                         configReader,
                                         workspace,
                                         runner,
                                         bundles,
                                         *redactor,
                                         ids,
                                         &playbook,
                                         {},
                                         {},
                                         nullptr,
                                         {},
                                         &spans}};
    HealRequest request;
    request.failureId = failure;
    request.repoRoot = repo.string();
    request.agent = contracts::AgentChoice::Playbook;
    auto o = traced.heal(request);
    ASSERT_TRUE(o && o->proposed);
    ASSERT_EQ(spans.received.size(), o->steps.size() + 1);
    const auto& root = spans.received.front();
    EXPECT_EQ(root.name, "selfheal.attempt");
    EXPECT_EQ(root.attributes.at("devos.attempt_id"), o->proposal->id);
    EXPECT_EQ(root.attributes.at("devos.failure_id"), failure);
    for (std::size_t i = 0; i < o->steps.size(); ++i) {
        const auto& span = spans.received[i + 1];
        EXPECT_EQ(span.name, "selfheal." + o->steps[i].name);
        EXPECT_EQ(span.parentSpanId, root.spanId);
        EXPECT_GT(span.endNanos, span.startNanos) << span.name << ": measured in nanoseconds";
        EXPECT_LE(span.endNanos, root.endNanos);
        if (i > 0)
            EXPECT_GE(span.startNanos, spans.received[i].endNanos) << "steps run one after another";
    }

    spans.refuse = true;
    spans.received.clear();
    request.failureId = oldFailure;
    auto refused = traced.heal(request);
    ASSERT_TRUE(refused);
    EXPECT_FALSE(spans.received.empty());
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.export_failed"), codes.end());
}

} // namespace devos::services

namespace devos::services {

// A pull request a person closed without merging, seen through the host (GitHub's API as a local
// stand-in): devos heal sync records the proposal as rejected while its branch still exists.
TEST_F(PublishTest, APullRequestClosedUnmergedOnTheHostIsRejectedBySync) {
    config("publish:\n  remote: \"" + remote.string() + "\"\n  repository: acme/orders\n  api: \"" +
           api.url() + "\"\n");
    const auto o = publishHeal();
    ASSERT_TRUE(o.proposed) << o.evidence;
    std::string state = "open";
    test_support::TestServer host([&](const test_support::Request& r) -> test_support::Response {
        if (r.head.starts_with("GET /repos/acme/orders/pulls?state=all&head=acme:" + o.branch + " "))
            return {200, R"([{"number": 7, "state": ")" + state + R"(", "merged_at": null}])"};
        return {404, R"({"message": "Not Found"})"};
    });
    std::unique_ptr<adapters::GitHubPullRequests> client;
    OutcomeSync hosted{*store,
                       history,
                       workspace,
                       configReader,
                       ids,
                       [&](const contracts::SelfHealConfig& c) -> ports::PullRequestHost* {
                           adapters::GitHubOptions options;
                           options.api = host.url();
                           options.repository = c.publish.repository;
                           options.token = "t0ken";
                           client = std::make_unique<adapters::GitHubPullRequests>(options);
                           return client.get();
                       }};
    auto open = hosted.sync(repo.string());
    ASSERT_TRUE(open) << open.error().render();
    const auto ofProposal = [&](const OutcomeSyncReport& r) {
        std::vector<OutcomeChange> mine;
        for (const auto& c : r.changes)
            if (c.id == o.proposal->id)
                mine.push_back(c);
        return mine;
    };
    EXPECT_TRUE(ofProposal(*open).empty()) << "the pull request is open";
    state = "closed";
    auto closed = hosted.sync(repo.string());
    ASSERT_TRUE(closed) << closed.error().render();
    const auto changed = ofProposal(*closed);
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed[0].to.state, contracts::OutcomeState::Rejected);
    EXPECT_EQ(proposalOutcome().state, contracts::OutcomeState::Rejected);
    EXPECT_TRUE(workspace.branchExists(repo.string(), o.branch)) << "the branch was not needed to see it";
    auto codes = eventCodes();
    EXPECT_NE(std::ranges::find(codes, "selfheal.rejected"), codes.end());
    // A rejected proposal is not looked up again.
    const auto asked = host.requests().size();
    ASSERT_TRUE(hosted.sync(repo.string()));
    EXPECT_EQ(host.requests().size(), asked);
}

} // namespace devos::services
