// The self-heal loop. One HealAttempt per `devos heal`: it resolves the failure and the config, then
// walks the steps of logic::HealStep, each returning a verdict that logic::afterStep turns into the
// next step or a stop. Side effects are ordered so that a stop leaves nothing behind but the
// attempt's row and events: the worktree and its build folder are removed in finish(), and the
// selfheal/<id> branch is created only after the proof passed.
#include "heal_config.hpp"
#include "heal_context.hpp"
#include "heal_proof.hpp"

#include <algorithm>
#include <chrono>
#include <devos/logic/attempt_limits.hpp>
#include <devos/logic/autonomy.hpp>
#include <devos/logic/fix_outcome.hpp>
#include <devos/logic/heal_flow.hpp>
#include <devos/logic/heal_trace.hpp>
#include <devos/logic/pattern_id.hpp>
#include <devos/logic/proof_commands.hpp>
#include <devos/logic/proposal_report.hpp>
#include <devos/logic/proposal_validation.hpp>
#include <devos/logic/risk_score.hpp>
#include <devos/logic/search_replace.hpp>
#include <devos/logic/self_heal_config.hpp>
#include <devos/logic/test_coverage.hpp>
#include <devos/logic/ulid.hpp>
#include <devos/logic/unified_diff.hpp>
#include <devos/services/self_heal_service.hpp>

namespace devos::services {
namespace {

using contracts::ErrorKind;
using contracts::Expected;
using contracts::StepStatus;
using contracts::StopReason;
using logic::HealStep;
using logic::StepVerdict;

constexpr const char* kConfigFile = kSelfHealConfigFile;

std::string shortSha(const std::string& sha) {
    return sha.substr(0, 7);
}

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

// A step's result: its verdict, how it is shown, and (for a stop) the evidence and what to do.
struct StepResult {
    StepVerdict verdict = StepVerdict::Passed;
    std::string summary;
    StepStatus status = StepStatus::Ok;
};

class HealAttempt {
public:
    HealAttempt(SelfHealPorts& ports, const HealRequest& request) : p_(ports), request_(request) {}

    Expected<contracts::SelfHealOutcome> run();

private:
    Expected<void> loadConfig();
    Expected<void> resolveFailure();
    Expected<void> prepareProof();
    Expected<StepResult> runStep(HealStep step);
    Expected<StepResult> detect();
    Expected<StepResult> flake();
    Expected<StepResult> slo();
    Expected<StepResult> retrieve();
    Expected<StepResult> propose();
    Expected<StepResult> validate();
    Expected<StepResult> prove();
    Expected<StepResult> branch();
    Expected<StepResult> bundle();
    void finish();
    // One selfheal.step.millis metrics_samples row per step of an attempt that wrote its row.
    void recordStepTimes();
    // The attempt's spans (logic::healAttemptSpans) to the span exporter, when there is one; a
    // collector that refuses them is a selfheal.export_failed event and a progress line.
    void exportTrace();
    // Nanoseconds since the attempt's id was minted (the start of its trace).
    long long sinceStart() const {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                    started_)
            .count();
    }
    // Pushes selfheal/<id> to publish.remote and opens its pull request (a draft at autonomy level 0,
    // the proposal's labels, auto-merge requested at level 2): a "publish" step and a
    // selfheal.pr_opened or selfheal.publish_failed event. The proposal stands either way.
    void publish();
    // At autonomy level 1: fast-forwards branches.integration at publish.remote to the pushed
    // selfheal/<id>; when it cannot, the decision falls back to level 0 (PR.md rewritten with the
    // reason). What happened, for the publish step's summary.
    std::string pushIntegration();
    // Falls back to human review because level 1 could not act (`why`) and rewrites the bundle so
    // PR.md says so; what the rewrite failed with, if it did.
    std::string fallBack(const std::string& why);
    bool canPublish() const { return p_.pusher != nullptr && !config_.publish.remote.empty(); }

    StepResult stop(StepVerdict verdict, std::string summary, std::string evidence, std::string hint) {
        outcome_.evidence = std::move(evidence);
        outcome_.hint = std::move(hint);
        return {verdict, std::move(summary), StepStatus::Failed};
    }
    void progress(const std::string& line) {
        if (p_.progress)
            p_.progress(line);
    }
    void event(std::string_view code, contracts::EventKind kind, const std::string& message);
    // The failure's pattern id under every normalizer version, the stored one first: attempts and
    // pausedPatterns recorded under an older normalizer still count.
    std::vector<std::string> everyPatternId() const;
    Expected<void> saveAttempt(const std::string& status);
    // Configures and builds the unpatched worktree once; the failure (as a stop) when it cannot.
    std::optional<StepResult> ensureBuilt();
    std::string path(const std::string& relative) const { return worktree_ + "/" + relative; }

    SelfHealPorts& p_;
    const HealRequest& request_;
    contracts::SelfHealOutcome outcome_;
    contracts::SelfHealConfig config_;
    int tier_ = 1;
    contracts::TestFailure failure_;
    contracts::TestRun run_;
    contracts::CheckoutState checkout_;
    contracts::Ulid id_;
    std::chrono::steady_clock::time_point started_;
    std::string worktreeName_, worktree_, buildDir_, proposalDir_;
    bool worktreeCreated_ = false, rowWritten_ = false, built_ = false, reproduced_ = false;
    std::optional<HealProof> proof_;
    ports::AgentPort* chat_ = nullptr;
    ProofSetup proofSetup_;
    std::vector<contracts::SimilarIncident> incidents_;
    std::vector<std::string> repoFiles_;
    HealContext context_;
};

std::vector<std::string> HealAttempt::everyPatternId() const {
    std::vector<std::string> ids{failure_.patternId};
    for (auto& id : logic::patternIdsOfEveryVersion(failure_.message, failure_.stackTrace,
                                                    outcome_.signal.context.affectedFiles))
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(std::move(id));
    return ids;
}

Expected<void> HealAttempt::loadConfig() {
    auto settings = loadHealSettings(p_.config, request_.repoRoot);
    if (!settings)
        return std::unexpected(settings.error());
    config_ = std::move(settings->config);
    tier_ = settings->tier;
    return {};
}

Expected<void> HealAttempt::resolveFailure() {
    contracts::FailureQuery query;
    query.failureId = request_.failureId;
    query.limit = 1;
    auto found = p_.store.queryFailures(query);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty())
        return request_.latest
                   ? contracts::fail(
                         ErrorKind::NotFound, "the store holds no test failure", {}, 0,
                         "ingest a failing run first: ctest --output-junit r.xml && devos ingest junit r.xml")
                   : contracts::fail(ErrorKind::NotFound, "unknown failure id " + *request_.failureId, {}, 0,
                                     "devos ingest prints each failure's id; devos search lists them too");
    failure_ = std::move(found->front());
    auto run = p_.store.findRun(failure_.runId);
    if (!run)
        return std::unexpected(run.error());
    if (*run)
        run_ = **run;
    if (run_.commitSha.empty())
        return contracts::fail(ErrorKind::Invalid,
                               "failure " + failure_.id + " has no commit: its run was ingested outside git",
                               {}, 0, "ingest the test results inside the repository's work tree");
    auto& s = outcome_.signal;
    s.id = failure_.id;
    s.type = contracts::FailureType::TestFailure;
    s.timestamp = failure_.ts;
    s.patternId = failure_.patternId;
    s.context = {run_.repository,     run_.branch, run_.commitSha, failure_.message,
                 failure_.stackTrace, {},          run_.runId};
    if (!failure_.file.empty())
        s.context.affectedFiles.push_back(failure_.file);
    outcome_.testName = logic::ctestNameOf(failure_.suite, failure_.testName);
    auto state = p_.workspace.checkout(request_.repoRoot);
    if (!state)
        return std::unexpected(state.error());
    checkout_ = std::move(*state);
    if (checkout_.head.empty())
        return contracts::fail(ErrorKind::Invalid, "the repository has no commit yet", request_.repoRoot, 0,
                               "commit the code the failing run tested");
    auto commit = p_.workspace.resolveCommit(request_.repoRoot, run_.commitSha);
    if (!commit)
        return contracts::fail(
            ErrorKind::Invalid,
            "the failing run's commit " + shortSha(run_.commitSha) + " is not in this repository",
            request_.repoRoot, 0, "fetch it (git fetch) or run devos heal in the clone that ran the tests");
    s.context.commitSha = *commit;
    return {};
}

Expected<void> HealAttempt::prepareProof() {
    proofSetup_.commands = config_.commands;
    proofSetup_.timeouts = config_.timeouts;
    proofSetup_.testName = outcome_.testName;
    std::string sourceSubdir;
    if (!request_.buildDir.empty()) {
        const std::string cachePath = request_.buildDir + "/CMakeCache.txt";
        auto cache = p_.workspace.readFile(cachePath);
        if (!cache)
            return contracts::fail(ErrorKind::Invalid,
                                   request_.buildDir + " is not a configured CMake build (no CMakeCache.txt)",
                                   request_.buildDir, 0,
                                   "pass -p <build-dir> of this repository, configured with cmake");
        proofSetup_.cache = logic::parseCMakeCache(*cache);
        proofSetup_.userBuildDir = request_.buildDir;
        proofSetup_.userSourceDir = logic::cacheValue(proofSetup_.cache, "CMAKE_HOME_DIRECTORY").value_or("");
        const std::string& src = proofSetup_.userSourceDir;
        if (src != request_.repoRoot && !src.starts_with(request_.repoRoot + "/"))
            return contracts::fail(ErrorKind::Invalid,
                                   request_.buildDir + " builds " +
                                       (src.empty() ? "an unknown source folder" : src) +
                                       ", which is not in this repository (" + request_.repoRoot + ")",
                                   cachePath, 0, "pass the build folder of this repository");
        sourceSubdir = src.substr(request_.repoRoot.size());
    } else if (config_.commands.configure.empty() || config_.commands.build.empty() ||
               config_.commands.test.empty() || config_.commands.unitTests.empty()) {
        return contracts::fail(
            ErrorKind::Invalid,
            "devos heal needs -p <build-dir> (a configured CMake build of this repository) or the "
            "commands configure, build, test and unitTests in " +
                std::string(kConfigFile),
            kConfigFile, 0, "pass -p build, or fill in commands:");
    }
    id_ = p_.ids.next();
    started_ = std::chrono::steady_clock::now();
    worktreeName_ = "selfheal-" + id_;
    proposalDir_ = request_.repoRoot + "/.devos/selfheal/" + id_;
    worktree_ = proposalDir_ + "/worktree";
    buildDir_ = proposalDir_ + "/build";
    proofSetup_.source = worktree_ + sourceSubdir;
    proofSetup_.build = buildDir_;
    proof_.emplace(p_.runner, proofSetup_);
    return {};
}

void HealAttempt::event(std::string_view code, contracts::EventKind kind, const std::string& message) {
    if (code.empty())
        return;
    contracts::TelemetryEvent e;
    e.id = p_.ids.next();
    e.ts = p_.ids.now();
    e.source = contracts::EventSource::Agent;
    e.kind = kind;
    e.code = std::string(code);
    e.message = p_.redactor.redact(message);
    e.tags = {{"proposal_id", id_},
              {"pattern_id", outcome_.signal.patternId},
              {"failure_id", outcome_.signal.id},
              {"test", outcome_.testName}};
    (void)p_.store.recordEvents(std::span(&e, 1)); // best effort: the attempt row is the record
}

Expected<void> HealAttempt::saveAttempt(const std::string& status) {
    contracts::SelfHealAttempt a;
    a.proposalId = id_;
    a.ts = static_cast<contracts::EpochMillis>(logic::ulidMillis(id_));
    a.patternId = outcome_.signal.patternId;
    a.triggerId = outcome_.signal.id;
    a.status = status;
    if (outcome_.proposal) {
        a.description = outcome_.proposal->description;
        a.riskScore = outcome_.risk.score;
        a.confidence = outcome_.proposal->confidence;
        a.agent = contracts::agentKindName(outcome_.proposal->agent);
    }
    a.branch = outcome_.branch;
    a.commitSha = outcome_.commitSha;
    a.bundle = outcome_.bundleDir;
    a.reason = outcome_.rejections.empty()
                   ? firstLine(outcome_.evidence)
                   : outcome_.rejections.front().rule + ": " + outcome_.rejections.front().message;
    a.updatedAt = p_.ids.now();
    auto saved = p_.store.saveAttempt(a);
    rowWritten_ = rowWritten_ || saved.has_value();
    return saved;
}

Expected<StepResult> HealAttempt::runStep(HealStep step) {
    switch (step) {
    case HealStep::Detect:
        return detect();
    case HealStep::Flake:
        return flake();
    case HealStep::Slo:
        return slo();
    case HealStep::Retrieve:
        return retrieve();
    case HealStep::Propose:
        return propose();
    case HealStep::Validate:
        return validate();
    case HealStep::Prove:
        return prove();
    case HealStep::Branch:
        return branch();
    case HealStep::Bundle:
        return bundle();
    case HealStep::Done:
        break;
    }
    return StepResult{};
}

Expected<StepResult> HealAttempt::detect() {
    const auto& s = outcome_.signal;
    std::string summary = "FAIL " + outcome_.testName + " (pattern " + s.patternId.substr(0, 12) + ") at " +
                          shortSha(s.context.commitSha) +
                          (s.context.branch.empty() ? "" : " on " + s.context.branch);
    for (const auto& id : everyPatternId())
        if (logic::isPatternPaused(config_, id))
            return stop(StepVerdict::Paused, summary + ": paused",
                        "pattern " + id + " is in pausedPatterns of " + config_.origin,
                        "remove it there to heal it again");
    contracts::AttemptQuery inFlight;
    inFlight.statuses = {"started"};
    inFlight.since = p_.ids.now() - logic::kInFlightMillis;
    auto running = p_.store.countAttempts(inFlight);
    if (!running)
        return std::unexpected(running.error());
    contracts::AttemptQuery proposed;
    proposed.statuses = {"proposed"};
    proposed.limit = 1000;
    auto open = p_.store.attempts(proposed);
    if (!open)
        return std::unexpected(open.error());
    long long openCount = 0;
    for (const auto& a : *open) {
        if (a.branch.empty() || !p_.workspace.branchExists(request_.repoRoot, a.branch))
            continue;
        ++openCount;
        if (a.triggerId == s.id)
            return stop(StepVerdict::Busy, summary + ": already proposed",
                        "failure " + s.id + " already has the open proposal " + a.proposalId + " on " +
                            a.branch,
                        "review it (" + a.bundle + "/PR.md), or delete the branch to try again");
    }
    if (auto busy = logic::checkConcurrency(*running, openCount, config_))
        return stop(StepVerdict::Busy, summary + ": concurrency limit", *busy,
                    "wait, or raise the limit in " + config_.origin);
    if (!checkout_.modified.empty())
        summary += " (your uncommitted changes to " + std::to_string(checkout_.modified.size()) + " file" +
                   (checkout_.modified.size() == 1 ? "" : "s") + " are left alone)";
    if (auto saved = saveAttempt("started"); !saved)
        return std::unexpected(saved.error());
    return StepResult{StepVerdict::Passed, summary};
}

std::optional<StepResult> HealAttempt::ensureBuilt() {
    if (built_)
        return std::nullopt;
    const std::string at = " at " + shortSha(outcome_.signal.context.commitSha);
    progress("configure the worktree" + at);
    const auto configured = proof_->configure();
    if (!configured.ok)
        return stop(StepVerdict::NotReproduced, "the unpatched code" + at + " does not configure",
                    "configure failed (" + configured.what + "), " + configured.evidence,
                    "check -p <build-dir> or commands.configure in " + config_.origin);
    progress("build the unpatched code" + at);
    const auto built = proof_->build();
    if (!built.ok)
        return stop(StepVerdict::NotReproduced, "the unpatched code" + at + " does not build",
                    "build failed (" + built.what + "), " + built.evidence,
                    "the failure is a build failure or the worktree's build differs from yours: check -p "
                    "<build-dir>");
    built_ = true;
    return std::nullopt;
}

Expected<StepResult> HealAttempt::flake() {
    auto ignore = p_.workspace.readFile(request_.repoRoot + "/.devos/selfheal/.gitignore");
    if (!ignore)
        if (auto w = p_.workspace.writeFile(
                request_.repoRoot + "/.devos/selfheal/.gitignore",
                "# devos heal's proposals and worktrees: never part of the checkout\n*\n");
            !w)
            return std::unexpected(w.error());
    progress("create the worktree " + worktree_);
    if (auto added = p_.workspace.addWorktree(request_.repoRoot, worktreeName_, worktree_,
                                              outcome_.signal.context.commitSha);
        !added)
        return std::unexpected(added.error());
    worktreeCreated_ = true;
    const int reruns = config_.flakeReruns;
    if (reruns == 0)
        return StepResult{StepVerdict::Passed,
                          "skipped: flake.reruns is 0 (the proof still runs the test before the patch)",
                          StepStatus::Skipped};
    if (auto failed = ensureBuilt())
        return *failed;
    int failures = 0;
    for (int i = 0; i < reruns; ++i) {
        progress("rerun " + outcome_.testName + " (" + std::to_string(i + 1) + " of " +
                 std::to_string(reruns) + ")");
        const auto r = proof_->failingTest();
        if (r.noSuchTest)
            return stop(StepVerdict::NotReproduced, "no test named " + outcome_.testName,
                        "ctest knows no test named " + outcome_.testName + " in the worktree's build",
                        "check -p <build-dir> (the build that ran the failing tests) or commands.test");
        failures += r.ok ? 0 : 1;
    }
    if (failures == reruns) {
        reproduced_ = true;
        return StepResult{StepVerdict::Passed, "failed " + std::to_string(reruns) + " of " +
                                                   std::to_string(reruns) +
                                                   " reruns on the unpatched code: deterministic"};
    }
    const std::string counts = "passed " + std::to_string(reruns - failures) + " of " +
                               std::to_string(reruns) + " reruns on the unpatched code";
    if (failures > 0)
        return stop(StepVerdict::Flaky, counts + ": flaky, never a fix target",
                    outcome_.testName + " " + counts + " at " + shortSha(outcome_.signal.context.commitSha),
                    "quarantine or stabilise the test; flaky failures do not count against the SLO");
    return stop(StepVerdict::NotReproduced, counts + ": not reproduced",
                outcome_.testName + " " + counts + " at " + shortSha(outcome_.signal.context.commitSha),
                "the failing run may have tested uncommitted changes or another environment");
}

Expected<StepResult> HealAttempt::slo() {
    std::vector<contracts::SelfHealAttempt> earlier;
    std::vector<contracts::RecordedFix> fixes;
    for (const auto& id : everyPatternId()) {
        contracts::AttemptQuery q;
        q.patternId = id;
        q.statuses = {"proposed"};
        auto found = p_.store.attempts(q);
        if (!found)
            return std::unexpected(found.error());
        earlier.insert(earlier.end(), found->begin(), found->end());
        contracts::FixQuery fq;
        fq.patternId = id;
        auto recorded = p_.store.fixes(fq);
        if (!recorded)
            return std::unexpected(recorded.error());
        fixes.insert(fixes.end(), recorded->begin(), recorded->end());
    }
    if (auto why = logic::escalation(earlier, fixes))
        return stop(
            StepVerdict::Escalated, "escalated to a human", *why,
            "look at the pattern's history (devos heal report); pausedPatterns stops further attempts");
    long long past = 0;
    for (const auto& id : everyPatternId()) {
        contracts::AttemptQuery q;
        q.patternId = id;
        q.since = logic::sloWindowStart(p_.ids.now(), config_);
        q.statuses = logic::sloCountedStatuses();
        auto counted = p_.store.countAttempts(q);
        if (!counted)
            return std::unexpected(counted.error());
        past += *counted;
    }
    const auto decision = logic::checkSlo(past, config_);
    if (!decision.allowed)
        return stop(StepVerdict::SloExceeded, decision.summary, decision.summary,
                    "escalate to a human; raise slo.maxAttemptsPerPattern in " + config_.origin +
                        " only deliberately");
    return StepResult{StepVerdict::Passed, decision.summary};
}

Expected<StepResult> HealAttempt::retrieve() {
    IncidentQuery query;
    query.failureId = outcome_.signal.id;
    query.threshold = 0.7F; // whole failures against whole failures, also for the text fallback
    auto found = p_.search.search(query);
    if (!found && found.error().kind == ErrorKind::NotFound) {
        query.failureId.reset();
        query.text = outcome_.signal.context.errorMessage + "\n" + outcome_.signal.context.stackTrace;
        found = p_.search.search(query);
    }
    if (!found)
        return std::unexpected(found.error());
    int withFix = 0;
    std::string best;
    for (const auto& hit : found->hits) {
        const auto* test = std::get_if<contracts::TestFailure>(&hit.failure);
        if (!test || test->id == outcome_.signal.id)
            continue;
        contracts::SimilarIncident incident{hit.score,
                                            test->id,
                                            test->patternId,
                                            logic::ctestNameOf(test->suite, test->testName),
                                            p_.redactor.redact(test->message),
                                            hit.run ? hit.run->commitSha : std::string{},
                                            std::nullopt};
        contracts::FixQuery fixQuery;
        fixQuery.failureId = test->id;
        fixQuery.limit = 1;
        auto fixes = p_.store.fixes(fixQuery);
        if (!fixes)
            return std::unexpected(fixes.error());
        if (!fixes->empty()) {
            incident.fix = fixes->front();
            if (++withFix == 1) {
                const auto& f = *incident.fix;
                const std::string score = std::to_string(hit.score).substr(0, 4);
                best = " (" + score + ": fixed by " +
                       shortSha(f.fixingCommit.empty() ? f.proposalId : f.fixingCommit) + ", " +
                       logic::ageText(p_.ids.now() - f.ts) + ")";
            }
        }
        incidents_.push_back(std::move(incident));
    }
    if (incidents_.empty())
        return StepResult{StepVerdict::Passed,
                          "no similar past failure (>= " + std::to_string(found->threshold).substr(0, 4) +
                              " among " + std::to_string(found->searched) + " stored failures)"};
    return StepResult{StepVerdict::Passed, std::to_string(incidents_.size()) + " similar past failure" +
                                               (incidents_.size() == 1 ? "" : "s") + ", " +
                                               std::to_string(withFix) + " with a recorded fix" + best};
}

Expected<StepResult> HealAttempt::propose() {
    const auto choice = request_.agent.value_or(config_.agent.kind);
    std::vector<ports::AgentPort*> agents;
    if (choice != contracts::AgentChoice::Chat && p_.playbook)
        agents.push_back(p_.playbook);
    if (choice != contracts::AgentChoice::Playbook && chat_)
        agents.push_back(chat_);
    auto files = p_.workspace.trackedFiles(request_.repoRoot, outcome_.signal.context.commitSha);
    if (!files)
        return std::unexpected(files.error());
    repoFiles_ = std::move(*files);
    context_ =
        gatherContext(p_.workspace, worktree_, repoFiles_, outcome_.testName, outcome_.signal, incidents_);
    contracts::AgentRequest request;
    request.signal = outcome_.signal;
    request.signal.context.errorMessage = p_.redactor.redact(request.signal.context.errorMessage);
    request.signal.context.stackTrace = p_.redactor.redact(request.signal.context.stackTrace);
    request.testName = outcome_.testName;
    request.similarIncidents = incidents_;
    request.codeContext = context_.files;
    std::string notes;
    for (auto* agent : agents) {
        const std::string name = contracts::agentKindName(agent->kind());
        progress("ask the " + name + " agent");
        auto answer = agent->proposeFix(request);
        if (!answer) {
            const auto& e = answer.error();
            const std::string rule = e.kind == ErrorKind::NotFound                           ? "agent.no-fix"
                                     : e.message.find("did not answer") != std::string::npos ? "agent.timeout"
                                     : e.kind == ErrorKind::Unavailable ? "agent.unavailable"
                                                                        : "agent.answer";
            notes += (notes.empty() ? "" : "; ") + name + ": " + rule + ": " + e.message;
            outcome_.rejections.push_back({rule, {}, 0, name + ": " + e.message, e.hint});
            continue;
        }
        auto blocks = logic::parseSearchReplace(answer->text);
        std::vector<contracts::Rejection> rejected;
        if (!blocks)
            rejected.push_back(blocks.error());
        std::vector<contracts::SourceFile> named = context_.files;
        for (const auto& b : blocks ? *blocks : std::vector<logic::SearchReplaceBlock>{}) {
            if (auto bad = logic::checkProposedPath(b.path)) {
                rejected.push_back(std::move(*bad));
                continue;
            }
            if (auto bad = logic::checkPathFact(p_.workspace.pathFact(worktree_, b.path))) {
                rejected.push_back(std::move(*bad));
                continue;
            }
            if (std::ranges::find(named, b.path, &contracts::SourceFile::path) == named.end()) {
                auto text = p_.workspace.readFile(path(b.path));
                if (!text)
                    return std::unexpected(text.error());
                named.push_back({b.path, std::move(*text)});
            }
        }
        std::vector<contracts::CodeDiff> diffs;
        if (rejected.empty()) {
            auto applied = logic::applySearchReplace(*blocks, named);
            if (!applied)
                rejected.push_back(applied.error());
            else if (applied->empty())
                rejected.push_back(
                    {"diff.empty", {}, 0, "the answer changes nothing", "an agent must propose an edit"});
            else
                diffs = std::move(*applied);
        }
        if (!rejected.empty()) {
            for (auto& r : rejected) {
                r.message = name + " (" + answer->model + "): " + r.message;
                notes += (notes.empty() ? "" : "; ") + r.rule + ": " + r.message;
                outcome_.rejections.push_back(std::move(r));
            }
            continue;
        }
        contracts::FixProposal proposal;
        proposal.id = id_;
        proposal.patternId = outcome_.signal.patternId;
        proposal.agent = agent->kind();
        proposal.diffs = std::move(diffs);
        proposal.testsToRun = {outcome_.testName};
        proposal.confidence = answer->confidence;
        proposal.references = answer->references;
        proposal.agentContext = {answer->model, answer->reasoning, {}};
        std::string paths;
        for (const auto& d : proposal.diffs)
            paths += (paths.empty() ? "" : ", ") + d.path;
        proposal.description = answer->reasoning.empty() ? "changes " + paths : answer->reasoning;
        outcome_.proposal = std::move(proposal);
        outcome_.rejections.clear();
        return StepResult{
            StepVerdict::Passed,
            name + (agent->kind() == contracts::AgentKind::Chat ? " (" + answer->model + ")" : "") + ": " +
                outcome_.proposal->description};
    }
    if (agents.empty())
        notes = "no agent is available for --agent " +
                std::string(choice == contracts::AgentChoice::Chat ? "chat" : "auto");
    const bool answerRejected = std::ranges::any_of(
        outcome_.rejections, [](const contracts::Rejection& r) { return !r.rule.starts_with("agent."); });
    if (answerRejected)
        return stop(StepVerdict::Rejected, "rejected: " + outcome_.rejections.back().rule, notes,
                    outcome_.rejections.back().hint);
    return stop(StepVerdict::NoFix, "no fix found", notes,
                outcome_.rejections.empty() ? "configure a chat agent (DEVOS_AGENT_URL, DEVOS_AGENT_MODEL)"
                                            : outcome_.rejections.back().hint);
}

Expected<StepResult> HealAttempt::validate() {
    auto& proposal = *outcome_.proposal;
    logic::ValidationInput input;
    input.diffs = proposal.diffs;
    for (const auto& d : proposal.diffs)
        input.facts.push_back(p_.workspace.pathFact(worktree_, d.path));
    input.repoFiles = repoFiles_;
    const std::string& build = request_.buildDir;
    if (!build.empty() && build.starts_with(request_.repoRoot + "/"))
        input.buildDirs.push_back(build.substr(request_.repoRoot.size() + 1));
    input.failingTest = outcome_.testName;
    input.failingTestSource = context_.testSource;
    input.coveredFiles = context_.covered;
    outcome_.rejections = logic::validateProposal(input, config_);
    if (!outcome_.rejections.empty()) {
        std::string evidence;
        for (const auto& r : outcome_.rejections)
            evidence +=
                (evidence.empty() ? "" : "\n") +
                (r.path.empty() ? std::string{}
                                : r.path + (r.line ? ":" + std::to_string(r.line) : std::string{}) + ": ") +
                "[" + r.rule + "] " + r.message;
        return stop(StepVerdict::Rejected, "rejected: " + outcome_.rejections.front().rule, evidence,
                    outcome_.rejections.front().hint);
    }
    const bool reuses = proposal.agent == contracts::AgentKind::Playbook && !proposal.references.empty();
    outcome_.risk = logic::assessRisk({proposal.diffs, proposal.agent, reuses});
    proposal.riskScore = outcome_.risk.score;
    const auto stats = logic::diffStats(proposal.diffs);
    const std::string risk = "risk " + std::to_string(outcome_.risk.score) + " (" + outcome_.risk.band + ")";
    if (outcome_.risk.score > config_.limits.maxRiskScore)
        return stop(StepVerdict::TooRisky, risk + " is above limits.maxRiskScore",
                    risk + " is above limits.maxRiskScore (" + std::to_string(config_.limits.maxRiskScore) +
                        ")",
                    "fix it by hand, or raise limits.maxRiskScore in " + config_.origin);
    const bool logicChanged = std::ranges::any_of(
        proposal.diffs, [](const contracts::CodeDiff& d) { return logic::isLogicPath(d.path); });
    return StepResult{StepVerdict::Passed,
                      "ok: " + std::to_string(stats.files) + " file" + (stats.files == 1 ? "" : "s") + ", +" +
                          std::to_string(stats.added) + " -" + std::to_string(stats.removed) +
                          (logicChanged ? ", logic/ covered by the failing test" : "") + "; " + risk};
}

Expected<StepResult> HealAttempt::prove() {
    auto& proof = outcome_.proof;
    if (auto failed = ensureBuilt())
        return *failed;
    if (!reproduced_) {
        progress("run " + outcome_.testName + " before the patch");
        const auto before = proof_->failingTest();
        if (before.noSuchTest)
            return stop(StepVerdict::NotReproduced, "no test named " + outcome_.testName,
                        "ctest knows no test named " + outcome_.testName + " in the worktree's build",
                        "check -p <build-dir> or commands.test");
        if (before.ok)
            return stop(StepVerdict::NotReproduced, outcome_.testName + " passes before the patch",
                        outcome_.testName + " passes at " + shortSha(outcome_.signal.context.commitSha) +
                            " without the patch: nothing to prove",
                        "the failing run may have tested uncommitted changes or another environment");
    }
    proof.failedBefore = true;
    for (const auto& d : outcome_.proposal->diffs)
        if (auto w = p_.workspace.writeFile(path(d.path), d.after); !w)
            return std::unexpected(w.error());
    const std::string before = "before: " + outcome_.testName + " fails";
    progress("build the patched code");
    const auto built = proof_->build();
    if (!built.ok)
        return stop(StepVerdict::ProofFailed, before + " · after: the patched code does not build",
                    "the patched code does not build (" + built.what + "), " + built.evidence,
                    "the proposal is not a fix; fix it by hand");
    progress("run " + outcome_.testName + " after the patch");
    const auto after = proof_->failingTest();
    if (!after.ok)
        return stop(StepVerdict::ProofFailed, before + " · after: it still fails",
                    outcome_.testName + " still fails after the patch, " + after.evidence,
                    "the proposal is not a fix");
    proof.passedAfter = true;
    progress("run every unit test");
    const auto units = proof_->unitTests();
    proof.unitTestsTotal = units.total;
    proof.unitTestsPassed = units.total - units.failed;
    proof.unitTestsOk = units.ok;
    const std::string unitText = units.counted ? std::to_string(proof.unitTestsPassed) + "/" +
                                                     std::to_string(proof.unitTestsTotal) + " unit tests pass"
                                               : "the unit tests pass";
    if (!units.ok)
        return stop(StepVerdict::ProofFailed, before + " · after: it passes, but unit tests fail",
                    (units.counted ? std::to_string(units.failed) + " of " + std::to_string(units.total)
                                   : std::string("some")) +
                        " unit tests fail after the patch, " + units.evidence,
                    "the proposal breaks other behaviour");
    progress("run the gate");
    const auto gate = proof_->gate();
    proof.gate = gate.what;
    proof.gateOk = gate.ok;
    if (!gate.ok)
        return stop(StepVerdict::ProofFailed,
                    before + " · after: it passes, " + unitText + ", " + gate.what + " FAILED",
                    gate.what + " failed after the patch, " + gate.evidence, "the proposal breaks a gate");
    if (gate.what == "check-fast")
        if (auto sarif = p_.workspace.readFile(buildDir_ + "/devos/fast.sarif"))
            proof.gateSarif = std::move(*sarif);
    return StepResult{StepVerdict::Passed,
                      before + " · after: it passes, " + unitText + ", " +
                          (gate.what == "check-fast" ? "check-fast passed" : "build + unit tests passed")};
}

Expected<StepResult> HealAttempt::branch() {
    outcome_.branch = "selfheal/" + id_;
    std::vector<std::string> files;
    for (const auto& d : outcome_.proposal->diffs)
        files.push_back(d.path);
    const auto& proposal = *outcome_.proposal;
    const auto fixClass = logic::classifyFix(proposal.agent, proposal.references, proposal.diffs);
    bool reappliedMerged = false;
    for (const auto& incident : incidents_)
        if (incident.fix && !proposal.references.empty() && incident.fix->id == proposal.references.front())
            reappliedMerged = incident.fix->outcome.state == contracts::OutcomeState::Merged;
    outcome_.autonomy =
        logic::decideAutonomy(config_, {tier_, proposal.confidence, outcome_.risk.score,
                                        outcome_.proof.gateOk, proposal.diffs, fixClass, reappliedMerged});
    if (const auto plan = logic::planIntegrationPush(config_, outcome_.autonomy, canPublish());
        !plan.whyNot.empty())
        outcome_.autonomy = logic::fallBackToHumanReview(outcome_.autonomy, plan.whyNot);
    outcome_.labels = logic::proposalLabels(outcome_.risk);
    auto commit = p_.workspace.commitOnNewBranch(worktree_, outcome_.branch, files,
                                                 logic::proposalCommitMessage(outcome_));
    if (!commit) {
        outcome_.branch.clear();
        return std::unexpected(commit.error());
    }
    outcome_.commitSha = *commit;
    return StepResult{StepVerdict::Passed, outcome_.branch + "  (commit " + shortSha(*commit) +
                                               " on top of " + shortSha(outcome_.signal.context.commitSha) +
                                               "; your checkout was not touched)"};
}

Expected<StepResult> HealAttempt::bundle() {
    outcome_.proposed = true;
    outcome_.bundleDir = ".devos/selfheal/" + id_;
    std::string labels;
    for (const auto& l : outcome_.labels)
        labels += (labels.empty() ? "" : ", ") + l;
    StepResult result{StepVerdict::Passed, outcome_.bundleDir + "/PR.md  (labels: " + labels + "; " +
                                               outcome_.autonomy.reason + ")"};
    outcome_.steps.push_back({"proposal", StepStatus::Ok, 0, result.summary});
    auto written = p_.bundles.write(proposalDir_, outcome_, logic::renderProposalMarkdown(outcome_),
                                    logic::unifiedDiff(outcome_.proposal->diffs));
    outcome_.steps.pop_back();
    if (!written) {
        outcome_.proposed = false;
        (void)p_.workspace.deleteBranch(request_.repoRoot, outcome_.branch);
        outcome_.branch.clear();
        return std::unexpected(written.error());
    }
    return result;
}

void HealAttempt::publish() {
    const auto started = std::chrono::steady_clock::now();
    const long long offset = sinceStart();
    progress("push " + outcome_.branch + " and open its pull request");
    std::string summary;
    bool ok = false;
    auto pushed = p_.pusher->push(request_.repoRoot, outcome_.branch, config_.publish.remote);
    const std::string integration =
        pushed ? pushIntegration()
               : (outcome_.autonomy.level == 1 ? fallBack("the push of " + outcome_.branch + " failed") : "");
    auto* host = pushed && p_.pullRequests ? p_.pullRequests(config_) : nullptr;
    if (!pushed) {
        summary =
            pushed.error().message + (pushed.error().hint.empty() ? "" : " (" + pushed.error().hint + ")");
    } else if (host == nullptr) {
        ok = true;
        summary = "pushed " + outcome_.branch + " (no publish.repository: no pull request)";
    } else {
        auto body = p_.workspace.readFile(proposalDir_ + "/PR.md");
        contracts::PullRequestSpec spec;
        spec.head = outcome_.branch;
        spec.base = config_.branches.defaultBranch;
        spec.title =
            "self-heal: " + outcome_.testName + " (" + outcome_.proposal->description.substr(0, 80) + ")";
        spec.body = body ? *body : outcome_.proposal->description;
        spec.draft = outcome_.autonomy.level == 0;
        spec.labels = outcome_.labels;
        spec.autoMerge = outcome_.autonomy.action == "auto_merge";
        auto pr = host->open(spec);
        if (!pr) {
            summary = "pushed " + outcome_.branch + "; " + pr.error().message +
                      (pr.error().hint.empty() ? "" : " (" + pr.error().hint + ")");
        } else {
            ok = true;
            summary = std::string(spec.draft ? "draft " : "") + "pull request #" +
                      std::to_string(pr->number) + " " + pr->url +
                      (pr->autoMergeRequested ? " (auto-merge requested)" : "");
        }
    }
    summary += integration;
    const long long ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    outcome_.steps.push_back(
        {"publish", ok ? StepStatus::Ok : StepStatus::Failed, ms, summary, offset, sinceStart() - offset});
    event(ok ? "selfheal.pr_opened" : "selfheal.publish_failed",
          ok ? contracts::EventKind::Info : contracts::EventKind::Warn, "publish: " + summary);
}

std::string HealAttempt::fallBack(const std::string& why) {
    outcome_.autonomy = logic::fallBackToHumanReview(outcome_.autonomy, why);
    auto written = p_.bundles.write(proposalDir_, outcome_, logic::renderProposalMarkdown(outcome_),
                                    logic::unifiedDiff(outcome_.proposal->diffs));
    return written ? std::string() : "; PR.md was not rewritten: " + written.error().message;
}

std::string HealAttempt::pushIntegration() {
    const auto plan = logic::planIntegrationPush(config_, outcome_.autonomy, canPublish());
    if (plan.branch.empty())
        return {};
    progress("fast-forward " + plan.branch + " to " + outcome_.branch);
    auto moved =
        p_.pusher->fastForward(request_.repoRoot, outcome_.branch, plan.branch, config_.publish.remote);
    if (!moved) {
        const std::string why = moved.error().message;
        event("selfheal.integration_refused", contracts::EventKind::Warn,
              "level 1: " + why + (moved.error().hint.empty() ? "" : " (" + moved.error().hint + ")"));
        return "; " + plan.branch + " not moved, level 0: " + why + fallBack(why);
    }
    const std::string done = plan.branch + " fast-forwarded " + *moved + ".." + shortSha(outcome_.commitSha);
    event("selfheal.integration_pushed", contracts::EventKind::Info, "level 1: " + done);
    return "; " + done;
}

void HealAttempt::recordStepTimes() {
    if (!rowWritten_)
        return;
    std::vector<contracts::MetricSample> samples;
    for (const auto& step : outcome_.steps)
        samples.push_back({p_.ids.next(),
                           p_.ids.now(),
                           "selfheal.step.millis",
                           static_cast<double>(step.millis),
                           {{"step", step.name},
                            {"status", contracts::stepStatusName(step.status)},
                            {"proposal_id", id_},
                            {"pattern_id", outcome_.signal.patternId}}});
    (void)p_.store.recordMetrics(samples); // best effort: the attempt row is the record
}

void HealAttempt::exportTrace() {
    if (!rowWritten_ || p_.spans == nullptr)
        return;
    const auto spans = logic::healAttemptSpans(outcome_, id_);
    if (auto sent = p_.spans->exportSpans(spans); !sent) {
        const std::string why = "trace export: " + sent.error().message +
                                (sent.error().hint.empty() ? "" : " (" + sent.error().hint + ")");
        progress(why);
        event("selfheal.export_failed", contracts::EventKind::Warn, why);
    }
}

void HealAttempt::finish() {
    if (worktreeCreated_) {
        if (request_.keep) {
            outcome_.worktree = worktree_;
        } else {
            (void)p_.workspace.removeWorktree(request_.repoRoot, worktreeName_, worktree_);
            (void)p_.workspace.removeFolder(buildDir_);
            if (!outcome_.proposed)
                (void)p_.workspace.removeFolder(proposalDir_);
        }
    }
    if (rowWritten_)
        (void)saveAttempt(outcome_.proposed ? "proposed" : contracts::stopReasonName(outcome_.reason));
}

Expected<contracts::SelfHealOutcome> HealAttempt::run() {
    if (auto loaded = loadConfig(); !loaded)
        return std::unexpected(loaded.error());
    if (!config_.enabled) {
        outcome_.reason = StopReason::Disabled;
        outcome_.evidence = "self-heal is disabled (enabled: false in " + config_.origin + ")";
        outcome_.hint = "set enabled: true in " + std::string(kConfigFile) + " to opt in";
        outcome_.steps.push_back({"detect", StepStatus::Skipped, 0, "disabled: nothing was done"});
        return outcome_;
    }
    if (auto resolved = resolveFailure(); !resolved)
        return std::unexpected(resolved.error());
    chat_ = p_.chat ? p_.chat(config_) : nullptr;
    const auto choice = request_.agent.value_or(config_.agent.kind);
    if (choice == contracts::AgentChoice::Chat && !chat_)
        return contracts::fail(ErrorKind::Invalid, "--agent chat needs a chat server", kConfigFile, 0,
                               "set DEVOS_AGENT_URL and DEVOS_AGENT_MODEL (or agent.url and agent.model)");
    if (auto prepared = prepareProof(); !prepared)
        return std::unexpected(prepared.error());
    HealStep current = HealStep::Detect;
    while (current != HealStep::Done) {
        const auto started = std::chrono::steady_clock::now();
        const long long offset = sinceStart();
        progress(std::string(logic::stepName(current)) + " ...");
        auto result = runStep(current);
        if (!result) {
            finish();
            return std::unexpected(result.error());
        }
        const long long ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                .count();
        outcome_.steps.push_back({std::string(logic::stepName(current)), result->status, ms, result->summary,
                                  offset, sinceStart() - offset});
        const auto code = logic::eventCode(current, result->verdict);
        event(code,
              result->verdict == StepVerdict::Passed ? contracts::EventKind::Info
                                                     : contracts::EventKind::Warn,
              std::string(logic::stepName(current)) + ": " + result->summary);
        const auto next = logic::afterStep(current, result->verdict);
        outcome_.reason = next.stop;
        current = next.next;
    }
    finish();
    if (outcome_.proposed && !config_.publish.remote.empty() && p_.pusher)
        publish();
    recordStepTimes();
    exportTrace();
    return outcome_;
}

} // namespace

Expected<contracts::SelfHealOutcome> SelfHealService::heal(const HealRequest& request) {
    if (!request.failureId && !request.latest)
        return contracts::fail(ErrorKind::Invalid, "expected --failure <id> or --latest");
    HealAttempt attempt(ports_, request);
    return attempt.run();
}

} // namespace devos::services
