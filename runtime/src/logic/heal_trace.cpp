#include <algorithm>
#include <devos/foundation/hash.hpp>
#include <devos/logic/heal_trace.hpp>
#include <devos/logic/ulid.hpp>

namespace devos::logic {
namespace {

constexpr long long kNanosPerMilli = 1'000'000;

long long durationNanos(const contracts::HealStep& step) {
    return step.nanos > 0 ? step.nanos : step.millis * kNanosPerMilli;
}

} // namespace

std::vector<contracts::TraceSpan> healAttemptSpans(const contracts::SelfHealOutcome& outcome,
                                                   const std::string& attemptId) {
    if (!isUlid(attemptId))
        return {};
    const std::string traceId = ulidHex(attemptId);
    const long long start = static_cast<long long>(ulidMillis(attemptId)) * kNanosPerMilli;
    const std::map<std::string, std::string> common{{"devos.attempt_id", attemptId},
                                                    {"devos.failure_id", outcome.signal.id},
                                                    {"devos.pattern_id", outcome.signal.patternId},
                                                    {"devos.test", outcome.testName}};
    contracts::TraceSpan root;
    root.traceId = traceId;
    root.spanId = foundation::fnv1a64Hex(traceId + "/attempt");
    root.name = "selfheal.attempt";
    root.startNanos = start;
    root.endNanos = start;
    root.attributes = common;
    root.attributes["devos.status"] =
        outcome.proposed ? "proposed" : contracts::stopReasonName(outcome.reason);
    if (outcome.proposal) {
        root.attributes["devos.risk_score"] = std::to_string(outcome.risk.score);
        root.attributes["devos.autonomy_level"] = std::to_string(outcome.autonomy.level);
    }
    if (!outcome.branch.empty())
        root.attributes["devos.branch"] = outcome.branch;
    if (!outcome.proposed && outcome.reason != contracts::StopReason::None) {
        root.failed = true;
        root.statusMessage = std::string(contracts::stopReasonName(outcome.reason)) + ": " +
                             outcome.evidence.substr(0, outcome.evidence.find('\n'));
    }
    std::vector<contracts::TraceSpan> spans{root};
    for (std::size_t i = 0; i < outcome.steps.size(); ++i) {
        const auto& step = outcome.steps[i];
        contracts::TraceSpan span;
        span.traceId = traceId;
        span.spanId = foundation::fnv1a64Hex(traceId + "/step/" + std::to_string(i));
        span.parentSpanId = root.spanId;
        span.name = "selfheal." + step.name;
        span.startNanos = start + std::max(step.offsetNanos, 0LL);
        span.endNanos = span.startNanos + durationNanos(step);
        span.attributes = common;
        span.attributes["devos.step"] = step.name;
        span.attributes["devos.step.status"] = contracts::stepStatusName(step.status);
        span.attributes["devos.step.summary"] = step.summary;
        span.failed = step.status == contracts::StepStatus::Failed;
        if (span.failed)
            span.statusMessage = step.summary;
        spans[0].endNanos = std::max(spans[0].endNanos, span.endNanos);
        spans.push_back(std::move(span));
    }
    return spans;
}

} // namespace devos::logic
