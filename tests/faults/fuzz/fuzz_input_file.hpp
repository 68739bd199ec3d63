#pragma once
// The fuzzers of readers that take a path: each input is written to one file in a folder of this
// process's own, which the reader then reads like any report, database or baseline.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace devos::fuzz {

// The folder of this process's inputs (created once).
inline const std::filesystem::path& inputFolder() {
    static const std::filesystem::path folder = [] {
        auto path = std::filesystem::temp_directory_path() / ("devos-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

// Writes the input to <inputFolder()>/<name> and returns that path.
inline std::string writeInput(const char* name, const std::uint8_t* data, std::size_t size) {
    auto path = inputFolder() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
}

} // namespace devos::fuzz
