// libFuzzer target: the compile database reader of `devos check` (compile_commands.json). Any file
// loads or gives an error naming it; never a crash, an exception or an abort.
#include "check/compile_database.hpp"
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto path = devos::fuzz::writeInput("compile_commands.json", data, size);
    auto database = devos::check::loadCompileDatabase(devos::fuzz::inputFolder().string());
    if (!database && database.error().file != path)
        __builtin_trap();
    if (database)
        for (const auto& file : database->files)
            (void)database->database->getCompileCommands(file);
    return 0;
}
