#include <cstdlib>
#include <devos/entrypoints/environment.hpp>

namespace devos::entrypoints {

EnvironmentLookup processEnvironment() {
    return [](const std::string& name) -> std::string {
        const char* value = std::getenv(name.c_str());
        return value != nullptr ? value : "";
    };
}

} // namespace devos::entrypoints
