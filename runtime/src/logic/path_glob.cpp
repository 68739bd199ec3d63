#include <devos/foundation/glob.hpp>
#include <devos/logic/path_glob.hpp>

namespace devos::logic {

std::string firstMatchingGlob(std::span<const std::string> patterns, std::string_view path) {
    for (const auto& pattern : patterns)
        if (foundation::globMatch(pattern, path))
            return pattern;
    return {};
}

} // namespace devos::logic
