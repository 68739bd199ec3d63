// libFuzzer target: allow comments (`// devos-allow(rule): reason until YYYY-MM-DD`) and their expiry
// dates. Any line parses or is refused; never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <devos/engine/allow_comment.hpp>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string line(reinterpret_cast<const char*>(data), size);
    if (auto allow = devos::engine::parseAllowComment(line)) {
        (void)devos::engine::isExpired(allow->until, "2026-12-03");
        (void)devos::engine::isExpired(allow->until, line);
    }
    return 0;
}
