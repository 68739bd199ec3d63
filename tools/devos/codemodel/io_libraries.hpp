#pragma once
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::codemodel {

// The name a linker sees in a link fragment: "-lsqlite3", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0"
// and "sqlite3.lib" give "sqlite3", "-pthread" gives "pthread"; other flags ("-Wl,...") give "".
[[nodiscard]] std::string libraryName(const std::string& fragment);

// The libraries a pure-layer target may not link: glob patterns over library names.
class IoLibraries {
public:
    explicit IoLibraries(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}
    // The `io_libraries` list of the shipped rules/purity.yml.
    [[nodiscard]] static foundation::Expected<IoLibraries> fromRules();
    // The library name when `fragment` names an I/O library.
    [[nodiscard]] std::optional<std::string> match(const std::string& fragment) const;

private:
    std::vector<std::string> patterns_;
};

} // namespace devos::codemodel
