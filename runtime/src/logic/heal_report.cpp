#include <algorithm>
#include <charconv>
#include <devos/logic/fix_outcome.hpp>
#include <devos/logic/heal_report.hpp>
#include <set>

namespace devos::logic {
namespace {

using contracts::OutcomeState;

constexpr const char* kStepOrder[] = {"detect",   "flake", "slo",    "retrieve", "propose",
                                      "validate", "prove", "branch", "proposal"};

std::optional<double> median(std::vector<double> values) {
    if (values.empty())
        return std::nullopt;
    std::ranges::sort(values);
    const auto n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// `value` with `digits` decimals.
std::string fixed(double value, int digits) {
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, digits).ptr;
    return std::string(text, end);
}

bool wasMerged(const contracts::FixOutcome& o) {
    return o.state == OutcomeState::Merged || o.state == OutcomeState::Recurred ||
           (o.state == OutcomeState::Reverted && o.mergedAt != 0);
}

std::string duration(double millis) {
    if (millis < 60'000)
        return fixed(millis / 1000, 0) + " s";
    if (millis < 3'600'000)
        return fixed(millis / 60'000, 0) + " min";
    if (millis < 172'800'000)
        return fixed(millis / 3'600'000, 1) + " h";
    return fixed(millis / 86'400'000, 1) + " days";
}

} // namespace

HealReport buildHealReport(const HealReportInput& in) {
    HealReport r;
    std::map<std::string, long long> reasons;
    std::vector<double> with;
    std::set<std::string> mergedPatterns;
    for (const auto& a : in.attempts) {
        ++r.attempts;
        if (a.status == "started")
            continue;
        if (a.status != "proposed") {
            ++r.stopped;
            ++reasons[a.status];
            continue;
        }
        ++r.proposed;
        const auto& o = a.outcome;
        r.open += o.state == OutcomeState::Open ? 1 : 0;
        r.rejected += o.state == OutcomeState::Rejected ? 1 : 0;
        r.reverted += o.state == OutcomeState::Reverted ? 1 : 0;
        r.recurred += o.state == OutcomeState::Recurred ? 1 : 0;
        if (wasMerged(o)) {
            ++r.merged;
            mergedPatterns.insert(a.patternId);
            // git's commit times are whole seconds: a merge in the failure's second counts as 0
            if (auto t = in.failureTimes.find(a.triggerId); t != in.failureTimes.end())
                with.push_back(static_cast<double>(std::max(0LL, o.mergedAt - t->second)));
        }
    }
    for (auto& [reason, count] : reasons)
        r.stopReasons.emplace_back(reason, count);
    std::ranges::sort(r.stopReasons, [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    r.acceptanceRate = r.proposed == 0 ? 0 : static_cast<double>(r.merged) / static_cast<double>(r.proposed);
    r.mttrWithMillis = median(with);
    r.mttrWithCount = std::ssize(with);
    std::vector<double> same, all;
    for (const auto& f : in.fixes) {
        if (f.source != contracts::FixSource::History)
            continue;
        auto t = in.failureTimes.find(f.failureId);
        if (t == in.failureTimes.end() || f.ts < t->second)
            continue;
        const auto took = static_cast<double>(f.ts - t->second);
        all.push_back(took);
        if (mergedPatterns.contains(f.patternId))
            same.push_back(took);
    }
    r.samePatterns = !same.empty();
    const auto& without = r.samePatterns ? same : all;
    r.mttrWithoutMillis = median(without);
    r.mttrWithoutCount = std::ssize(without);

    std::map<std::string, PatternRecurrence> back;
    const auto note = [&](const std::string& pattern, std::string what) {
        auto& p = back[pattern];
        p.patternId = pattern;
        if (auto n = in.patternFailures.find(pattern); n != in.patternFailures.end())
            p.failures = n->second;
        if (p.what.empty())
            p.what = std::move(what);
    };
    for (const auto& a : in.attempts)
        if (a.outcome.state == OutcomeState::Recurred || a.outcome.state == OutcomeState::Reverted)
            note(a.patternId,
                 "proposal " + a.proposalId + " " + contracts::outcomeStateName(a.outcome.state));
    for (const auto& f : in.fixes)
        if (f.outcome.state == OutcomeState::Recurred || f.outcome.state == OutcomeState::Reverted)
            note(f.patternId,
                 "fix " + f.fixingCommit.substr(0, 7) + " " + contracts::outcomeStateName(f.outcome.state));
    for (auto& [pattern, p] : back) {
        std::vector<contracts::SelfHealAttempt> attempts;
        std::vector<contracts::RecordedFix> fixes;
        std::ranges::copy_if(in.attempts, std::back_inserter(attempts),
                             [&](const auto& a) { return a.patternId == pattern; });
        std::ranges::copy_if(in.fixes, std::back_inserter(fixes),
                             [&](const auto& f) { return f.patternId == pattern; });
        p.escalated = escalation(attempts, fixes).has_value() ||
                      std::ranges::any_of(attempts, [](const auto& a) { return a.status == "escalated"; });
        r.recurring.push_back(p);
    }
    std::ranges::sort(r.recurring, [](const auto& a, const auto& b) {
        return a.failures != b.failures ? a.failures > b.failures : a.patternId < b.patternId;
    });

    std::map<std::string, std::vector<double>> byStep;
    for (const auto& s : in.steps)
        if (auto step = s.tags.find("step"); step != s.tags.end())
            byStep[step->second].push_back(s.value);
    for (const char* name : kStepOrder)
        if (auto it = byStep.find(name); it != byStep.end()) {
            StepTime t{name, std::ssize(it->second), *median(it->second), 0};
            for (double v : it->second)
                t.totalMillis += v;
            r.steps.push_back(t);
        }
    return r;
}

std::string healReportText(const HealReport& r, const std::string& window) {
    const std::string pct = fixed(r.acceptanceRate * 100, 0) + "%";
    std::string out = "self-heal over the last " + window + "\n";
    out += "proposals " + std::to_string(r.attempts) + " · proposed " + std::to_string(r.proposed) +
           " · merged " + std::to_string(r.merged) + " (" + pct + ") · rejected " +
           std::to_string(r.rejected) + " · reverted " + std::to_string(r.reverted) + " · recurred " +
           std::to_string(r.recurred) + " · open " + std::to_string(r.open) + " · stopped " +
           std::to_string(r.stopped);
    if (!r.stopReasons.empty()) {
        out += " (";
        for (std::size_t i = 0; i < r.stopReasons.size(); ++i)
            out += (i ? ", " : "") + r.stopReasons[i].first + " " + std::to_string(r.stopReasons[i].second);
        out += ")";
    }
    out += "\nMTTR  failure → merged fix: ";
    out += r.mttrWithMillis ? "median " + duration(*r.mttrWithMillis) + " with self-heal (" +
                                  std::to_string(r.mttrWithCount) + ")"
                            : "no merged self-heal fix yet";
    out += ", ";
    out += r.mttrWithoutMillis
               ? duration(*r.mttrWithoutMillis) + " without (" + std::to_string(r.mttrWithoutCount) +
                     " human fixes, " + (r.samePatterns ? "same patterns" : "all patterns") + ")"
               : "no human fix recorded";
    out += "\n";
    if (r.recurring.empty())
        out += "recurring patterns: none\n";
    else {
        out += "recurring patterns:";
        for (const auto& p : r.recurring)
            out += "\n  " + p.patternId.substr(0, 12) + "… (" + std::to_string(p.failures) +
                   " times: " + p.what + (p.escalated ? " — escalated to a human" : "") + ")";
        out += "\n";
    }
    if (!r.steps.empty()) {
        out += "time per step (median):";
        for (const auto& s : r.steps)
            out += " " + s.step + " " + fixed(s.medianMillis, 0) + " ms ×" + std::to_string(s.count) + ";";
        out.pop_back();
        out += "\n";
    }
    return out;
}

std::size_t healReportSampleCount(const HealReport& r) {
    return 8 + r.stopReasons.size() + (r.mttrWithMillis ? 1 : 0) + (r.mttrWithoutMillis ? 1 : 0) +
           r.steps.size();
}

std::vector<contracts::MetricSample> healReportSamples(const HealReport& r, contracts::EpochMillis now,
                                                       const std::map<std::string, std::string>& tags,
                                                       std::span<const std::string> ids) {
    std::vector<contracts::MetricSample> out;
    const auto add = [&](const std::string& name, double value,
                         std::map<std::string, std::string> extra = {}) {
        extra.insert(tags.begin(), tags.end());
        const std::string id = out.size() < ids.size() ? ids[out.size()] : std::string{};
        out.push_back({id, now, "selfheal.report." + name, value, std::move(extra)});
    };
    add("attempts", static_cast<double>(r.attempts));
    add("proposed", static_cast<double>(r.proposed));
    add("merged", static_cast<double>(r.merged));
    add("rejected", static_cast<double>(r.rejected));
    add("reverted", static_cast<double>(r.reverted));
    add("recurred", static_cast<double>(r.recurred));
    add("stopped", static_cast<double>(r.stopped));
    add("acceptance_rate", r.acceptanceRate);
    for (const auto& [reason, count] : r.stopReasons)
        add("stopped_by_reason", static_cast<double>(count), {{"reason", reason}});
    if (r.mttrWithMillis)
        add("mttr_millis", *r.mttrWithMillis, {{"with", "selfheal"}});
    if (r.mttrWithoutMillis)
        add("mttr_millis", *r.mttrWithoutMillis, {{"with", "human"}});
    for (const auto& s : r.steps)
        add("step_median_millis", s.medianMillis, {{"step", s.step}});
    return out;
}

} // namespace devos::logic
