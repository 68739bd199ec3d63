// libFuzzer target: the baseline reader (.devos/baseline.json). Any file loads or gives an error
// naming it; never a crash or an exception.
#include "check/baseline.hpp"
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto path = devos::fuzz::writeInput("baseline.json", data, size);
    auto baseline = devos::check::Baseline::load(path);
    if (!baseline && baseline.error().file != path)
        __builtin_trap();
    return 0;
}
