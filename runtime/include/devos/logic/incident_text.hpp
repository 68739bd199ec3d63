#pragma once
#include <devos/contracts/lint_failure.hpp>
#include <devos/contracts/test_failure.hpp>
#include <string>
#include <string_view>

namespace devos::logic {

// The text embedded for one failure, and for a search query: the message through normalizeMessage
// (noise such as addresses, numbers and line numbers replaced by placeholders) followed by the top-5
// in-app frames of `stackTrace`, one per line. Pass already-redacted text.
[[nodiscard]] std::string incidentText(std::string_view message, std::string_view stackTrace);

// incidentText of a stored failure, or `suite.testName` when message and trace have no letter or digit.
[[nodiscard]] std::string incidentText(const contracts::TestFailure& failure);

// incidentText of a stored lint failure: `ruleId: message` (what its pattern id hashes), or
// `lint failure of <tool>` when that has no letter or digit.
[[nodiscard]] std::string incidentText(const contracts::LintFailure& failure);

} // namespace devos::logic
