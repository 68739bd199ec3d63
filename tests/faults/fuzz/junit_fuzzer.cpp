// libFuzzer target: the JUnit XML reader of `devos ingest junit`. Any file gives a batch or an error
// naming it; never a crash or an exception.
#include "fuzz_input_file.hpp"

#include <devos/adapters/report_readers.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto path = devos::fuzz::writeInput("report.xml", data, size);
    auto batch = devos::adapters::JunitReader().read(path);
    if (!batch && batch.error().file != path)
        __builtin_trap();
    return 0;
}
