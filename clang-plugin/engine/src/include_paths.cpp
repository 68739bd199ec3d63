#include <devos/engine/include_paths.hpp>

namespace devos::engine {

bool sameComponent(const std::string& a, const std::string& b, const std::string& layer) {
    auto component = [&](const std::string& path) {
        std::string marker = "/" + layer + "/";
        size_t at = ("/" + path).rfind(marker);
        std::string below = at == std::string::npos ? path : path.substr(at + marker.size() - 1);
        size_t slash = below.find('/');
        if (slash != std::string::npos)
            return below.substr(0, slash);
        return below.substr(0, below.find('.'));
    };
    return component(a) == component(b);
}

bool isStandardHeader(const PurityLists& lists, const std::string& spelling) {
    return spelling.find('.') == std::string::npos || lists.isPureHeader(spelling) ||
           lists.deniedHeader(spelling).has_value();
}

} // namespace devos::engine
