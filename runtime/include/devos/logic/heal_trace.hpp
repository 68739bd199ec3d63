#pragma once
#include <devos/contracts/self_heal_outcome.hpp>
#include <devos/contracts/trace_span.hpp>
#include <string>
#include <vector>

namespace devos::logic {

// The trace of one heal attempt (issue 13 part 5): a root span "selfheal.attempt" from the attempt's
// start (its proposal id's time) to the end of its last step, and one child "selfheal.<step>" per
// loop step at its offset. Trace id: the proposal id's 128 bits (logic::ulidHex), so a trace names
// its selfheal_proposals row; span ids: fnv1a64 of the trace id and the step's index. Every span
// carries devos.attempt_id, devos.failure_id, devos.pattern_id and devos.test; a step's span its
// devos.step.status and summary (failed when the step failed); the root devos.status ("proposed" or
// the stop reason), failed when the attempt stopped. `attemptId` must be a ULID (logic::isUlid);
// empty when it is not.
[[nodiscard]] std::vector<contracts::TraceSpan> healAttemptSpans(const contracts::SelfHealOutcome& outcome,
                                                                 const std::string& attemptId);

} // namespace devos::logic
