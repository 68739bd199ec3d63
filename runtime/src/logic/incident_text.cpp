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

std::string incidentText(const contracts::TestFailure& failure) {
    std::string text = incidentText(failure.message, failure.stackTrace);
    const auto alnum = [](unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80; };
    if (std::ranges::any_of(text, alnum))
        return text;
    return failure.suite + "." + failure.testName;
}

} // namespace devos::logic
