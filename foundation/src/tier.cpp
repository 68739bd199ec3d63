#include <devos/foundation/text.hpp>
#include <devos/foundation/tier.hpp>
#include <string>

namespace devos::foundation {

Expected<int> parseTier(std::string_view text) {
    const std::string_view value = trim(text);
    if (value.size() == 1 && value[0] >= '0' && value[0] <= '2')
        return value[0] - '0';
    return fail(ErrorKind::Invalid, "tier must be 0, 1 or 2, not '" + std::string(value) + "'", {}, 0,
                "tier 0: lightweight, 1: standard, 2: critical");
}

} // namespace devos::foundation
