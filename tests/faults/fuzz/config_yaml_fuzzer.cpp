// libFuzzer target: the repo config (.devos/devos.yml) parser. Any bytes give a policy or an error
// naming the file (devos.yml, or a file its purity.include names); never a crash, an exception or a
// hang.
#include <cstddef>
#include <cstdint>
#include <devos/engine/policy.hpp>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto defaults = devos::engine::Policy::defaults();
    if (!defaults)
        __builtin_trap();
    auto policy = *defaults;
    auto applied =
        policy.applyRepoConfig(std::string(reinterpret_cast<const char*>(data), size), "devos.yml");
    if (!applied && applied.error().file != "devos.yml" && !policy.configText.contains("include"))
        __builtin_trap(); // every error names the file
    return 0;
}
