// Qualified-name patterns for the purity lists; path globs are foundation::globMatch.
#include <devos/engine/glob.hpp>

namespace devos::engine {

bool namePatternMatch(std::string_view pattern, std::string_view name) {
    if (pattern.starts_with("::"))
        pattern.remove_prefix(2);
    if (name.starts_with("::"))
        name.remove_prefix(2);
    if (pattern.ends_with('*'))
        return name.starts_with(pattern.substr(0, pattern.size() - 1));
    return pattern == name;
}

} // namespace devos::engine
