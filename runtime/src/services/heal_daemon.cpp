// The daemon loop. Each pass re-reads the config, lists the failures no claim holds, and heals them
// one at a time, each under a claim in the store; between passes it waits for a notification, the
// poll interval, or a stop. The store is the daemon's memory: a restart (or another daemon) picks up
// where the claims say.
#include "heal_config.hpp"

#include <algorithm>
#include <devos/logic/self_heal_config.hpp>
#include <devos/services/heal_daemon.hpp>

namespace devos::services {
namespace {

using contracts::ErrorKind;
using contracts::Expected;

// One daemon run: the settings, the counters, and when it started.
class DaemonRun {
public:
    DaemonRun(ports::TelemetryStore& store, SelfHealService& heal, const ports::ConfigFileReader& config,
              const ports::HealWorkspace& workspace, IdGenerator& ids,
              const std::function<void(const std::string&)>& log, const DaemonSettings& settings,
              const std::atomic<bool>& stop)
        : store_(store), heal_(heal), config_(config), workspace_(workspace), ids_(ids), log_(log),
          s_(settings), stop_(stop), startedAt_(ids.now()) {}

    // One pass over the pending failures; true when it healed something (look again at once).
    Expected<bool> pass();
    // Renews this daemon's claims and writes the heartbeat event.
    Expected<void> heartbeat();
    DaemonStats stats;

private:
    // Heals one claimed failure and ends its claim; false when the store went away (claim kept).
    Expected<void> healClaimed(const contracts::TestFailure& failure);
    // A proposal already made for `failure` before the store went away or the daemon died (its
    // branch exists, the row may still say started): its proposal id, or "". Started rows without
    // a branch are marked interrupted, so they hold no concurrency slot.
    Expected<std::string> madeBefore(const contracts::TestFailure& failure);
    void log(const std::string& line) const {
        if (log_)
            log_(line);
    }

    ports::TelemetryStore& store_;
    SelfHealService& heal_;
    const ports::ConfigFileReader& config_;
    const ports::HealWorkspace& workspace_;
    IdGenerator& ids_;
    const std::function<void(const std::string&)>& log_;
    const DaemonSettings& s_;
    const std::atomic<bool>& stop_;
    contracts::EpochMillis startedAt_;
    bool atCapacity_ = false;
};

Expected<bool> DaemonRun::pass() {
    auto settings = loadHealSettings(config_, s_.repoRoot);
    if (!settings)
        return std::unexpected(settings.error());
    const auto& config = settings->config;
    if (!config.enabled)
        return false;
    const auto now = ids_.now();
    auto pending = store_.pendingFailures(startedAt_ - s_.window, now, s_.daemonId, 20);
    if (!pending)
        return std::unexpected(pending.error());
    bool healed = false;
    for (const auto& failure : *pending) {
        if (stop_ || (s_.maxHeals > 0 && stats.healed >= s_.maxHeals))
            break;
        if (logic::isPatternPaused(config, failure.patternId))
            continue;
        contracts::ClaimRequest request{failure.id,
                                        s_.daemonId,
                                        ids_.now(),
                                        s_.lease,
                                        config.concurrency.maxConcurrentProposals,
                                        config.concurrency.maxConcurrentPRs};
        auto claim = store_.claimFailure(request);
        if (!claim)
            return std::unexpected(claim.error());
        if (*claim == contracts::ClaimResult::AtCapacity) {
            if (!atCapacity_)
                log("at capacity (concurrency.maxConcurrentProposals " +
                    std::to_string(config.concurrency.maxConcurrentProposals) + ", maxConcurrentPRs " +
                    std::to_string(config.concurrency.maxConcurrentPRs) + "): waiting");
            atCapacity_ = true;
            return healed;
        }
        atCapacity_ = false;
        if (*claim != contracts::ClaimResult::Claimed)
            continue;
        if (auto done = healClaimed(failure); !done)
            return std::unexpected(done.error());
        healed = true;
    }
    return healed;
}

Expected<std::string> DaemonRun::madeBefore(const contracts::TestFailure& failure) {
    contracts::AttemptQuery q;
    q.triggerId = failure.id;
    auto earlier = store_.attempts(q);
    if (!earlier)
        return std::unexpected(earlier.error());
    for (auto a : *earlier) {
        const std::string branch = "selfheal/" + a.proposalId;
        if (a.status == "proposed")
            return a.proposalId;
        if (a.status != "started")
            continue;
        const bool made = workspace_.branchExists(s_.repoRoot, branch);
        a.status = made ? "proposed" : "interrupted"; // an interrupted attempt counts against nothing
        a.branch = made ? branch : "";
        a.reason = made ? a.reason : "the daemon lost the store during the heal; healed again";
        a.updatedAt = ids_.now();
        if (auto saved = store_.saveAttempt(a); !saved)
            return std::unexpected(saved.error());
        if (made)
            return a.proposalId;
    }
    return std::string{};
}

Expected<void> DaemonRun::healClaimed(const contracts::TestFailure& failure) {
    auto before = madeBefore(failure);
    if (!before)
        return std::unexpected(before.error());
    if (!before->empty()) {
        log("failure " + failure.id + ": proposal " + *before + " was made before a restart; recorded");
        auto finished = store_.finishClaim(failure.id, s_.daemonId, "proposed", *before, ids_.now());
        if (!finished)
            return std::unexpected(finished.error());
        ++stats.healed;
        ++stats.proposed;
        return {};
    }
    HealRequest request;
    request.failureId = failure.id;
    request.repoRoot = s_.repoRoot;
    request.buildDir = s_.buildDir;
    log("failure " + failure.id + " (" + failure.suite + "." + failure.testName + "): healing");
    auto outcome = heal_.heal(request);
    if (!outcome && outcome.error().kind == ErrorKind::Unavailable)
        return std::unexpected(outcome.error()); // the claim stays ours: resumed after the outage
    std::string status = "error";
    std::string proposal;
    if (outcome) {
        using contracts::StopReason;
        const auto reason = outcome->reason;
        if (!outcome->proposed && (reason == StopReason::Disabled || reason == StopReason::Paused ||
                                   reason == StopReason::Concurrency)) {
            log("failure " + failure.id + ": " + contracts::stopReasonName(reason) + ", claim given back");
            ++stats.released;
            return store_.releaseClaim(failure.id, s_.daemonId);
        }
        status = outcome->proposed ? "proposed" : contracts::stopReasonName(reason);
        if (outcome->proposal)
            proposal = outcome->proposal->id;
    } else {
        log("failure " + failure.id + ": " + outcome.error().render());
    }
    if (proposal.empty()) {
        contracts::AttemptQuery q;
        q.triggerId = failure.id;
        q.limit = 1;
        if (auto rows = store_.attempts(q); rows && !rows->empty())
            proposal = rows->front().proposalId;
    }
    auto finished = store_.finishClaim(failure.id, s_.daemonId, status, proposal, ids_.now());
    if (!finished)
        return std::unexpected(finished.error());
    ++stats.healed;
    stats.proposed += status == "proposed" ? 1 : 0;
    log("failure " + failure.id + ": " + status +
        (outcome && outcome->proposed ? " on " + outcome->branch : ""));
    return {};
}

Expected<void> DaemonRun::heartbeat() {
    if (auto renewed = store_.renewClaims(s_.daemonId, ids_.now() + s_.lease); !renewed)
        return renewed;
    contracts::TelemetryEvent e;
    e.id = ids_.next();
    e.ts = ids_.now();
    e.source = contracts::EventSource::Agent;
    e.kind = contracts::EventKind::Info;
    e.code = "selfheal.daemon.heartbeat";
    e.message = "daemon " + s_.daemonId + ": healed " + std::to_string(stats.healed) + ", proposed " +
                std::to_string(stats.proposed);
    e.tags = {{"daemon_id", s_.daemonId},
              {"healed", std::to_string(stats.healed)},
              {"proposed", std::to_string(stats.proposed)}};
    auto recorded = store_.recordEvents(std::span(&e, 1));
    if (!recorded)
        return std::unexpected(recorded.error());
    return {};
}

} // namespace

DaemonStats HealDaemon::run(const DaemonSettings& settings, const std::atomic<bool>& stop) {
    DaemonRun run(store_, heal_, config_, workspace_, ids_, log_, settings, stop);
    const auto say = [&](const std::string& line) {
        if (log_)
            log_(line);
    };
    say("daemon " + settings.daemonId + " started on " + settings.repoRoot);
    std::chrono::milliseconds backoff{0};
    contracts::EpochMillis lastBeat = 0;
    while (!stop && (settings.maxHeals == 0 || run.stats.healed < settings.maxHeals)) {
        Expected<bool> more = true;
        if (ids_.now() - lastBeat >= settings.heartbeat.count()) {
            if (auto beat = run.heartbeat(); !beat) {
                more = std::unexpected(beat.error());
            } else {
                lastBeat = ids_.now();
                if (outcomes_) {
                    auto synced = outcomes_->sync(settings.repoRoot);
                    if (!synced)
                        say("outcome sync: " + synced.error().render());
                    else
                        for (const auto& c : synced->changes)
                            say(std::string(c.subject == contracts::OutcomeSubject::Proposal ? "proposal "
                                                                                             : "fix ") +
                                c.id + ": " + contracts::outcomeStateName(c.to.state));
                }
            }
        }
        if (more)
            more = run.pass();
        if (!more) {
            if (more.error().kind == ErrorKind::Unavailable || more.error().kind == ErrorKind::Storage) {
                ++run.stats.outages;
                backoff = std::min(std::max(backoff * 2, std::chrono::milliseconds(500)),
                                   std::chrono::milliseconds(30000));
                say("store unavailable (" + more.error().message + "); retrying in " +
                    std::to_string(backoff.count()) + " ms");
            } else {
                say(more.error().render() + "; retrying in " + std::to_string(settings.poll.count()) + " ms");
                backoff = settings.poll;
            }
            (void)wakeup_.wait(backoff);
            continue;
        }
        backoff = std::chrono::milliseconds(0);
        if (*more)
            continue;
        if (auto woke = wakeup_.wait(settings.poll); !woke) {
            say("notifications lost (" + woke.error().message + "); reconnecting");
            (void)wakeup_.wait(std::min(settings.poll, std::chrono::milliseconds(1000)));
        }
    }
    say("daemon " + settings.daemonId + " stopped: healed " + std::to_string(run.stats.healed) +
        ", proposed " + std::to_string(run.stats.proposed));
    return run.stats;
}

} // namespace devos::services
