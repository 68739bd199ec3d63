#pragma once
#include <string>
#include <vector>

namespace devos::check {

// Removes the arguments Clang's driver does not know (GCC-only flags such as
// -fno-canonical-system-headers) from a compile command, and says which were removed.
struct FilteredCommand {
    std::vector<std::string> arguments;
    std::vector<std::string> dropped;
};
[[nodiscard]] FilteredCommand dropUnknownFlags(const std::vector<std::string>& arguments);

} // namespace devos::check
