#include <algorithm>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/pattern_text.hpp>
#include <devos/logic/stack_frame.hpp>

namespace devos::logic {

std::string incidentText(std::string_view message, std::string_view stackTrace) {
    std::string text = normalizeMessage(message);
    for (const auto& frame : topInAppFrames(stackTrace)) {
        text += '\n';
        text += frame;
    }
    return text;
}

namespace {

bool hasAlnum(std::string_view normalized) {
    const auto alnum = [](unsigned char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
    };
    return std::ranges::any_of(normalized, alnum);
}

} // namespace

std::string incidentText(const contracts::TestFailure& failure) {
    std::string text = incidentText(failure.message, failure.stackTrace);
    return hasAlnum(text) ? text : failure.suite + "." + failure.testName;
}

std::string incidentText(const contracts::LintFailure& failure) {
    std::string text = incidentText(failure.ruleId + ": " + failure.message, "");
    return hasAlnum(text) ? text : "lint failure of " + failure.tool;
}

} // namespace devos::logic
