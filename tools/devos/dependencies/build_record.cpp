#include "dependencies/build_record.hpp"

#include "dependencies/cmake_record.hpp"

#include <filesystem>

namespace devos::dependencies {

foundation::Expected<BuildRecord> loadBuildRecord(const std::string& buildDir, const std::string& recordFile,
                                                  const std::string& source) {
    if (source != "auto" && source != "provider" && source != "cmake")
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "unknown dependency record source '" + source + "'", "", 0,
                                "use --source auto, provider or cmake");
    std::string providerFile = (std::filesystem::path(buildDir) / "devos" / "dependencies.json").string();
    std::error_code ec;
    if (!recordFile.empty() || source == "provider" ||
        (source == "auto" && std::filesystem::exists(providerFile, ec))) {
        auto record = readDependencyRecord(recordFile.empty() ? providerFile : recordFile);
        if (!record)
            return std::unexpected(record.error());
        return BuildRecord{std::move(*record), kProviderSource};
    }
    auto derived = readCMakeDependencyRecord(buildDir);
    if (!derived) {
        foundation::Error error = derived.error();
        error.message = "no dependency record: " + error.message;
        error.hint =
            "configure with the CMake File API queries (devos_enable_gates writes them): mkdir -p " +
            buildDir + "/.cmake/api/v1/query && touch " + buildDir +
            "/.cmake/api/v1/query/{cache-v2,codemodel-v2,cmakeFiles-v1} && cmake " + buildDir +
            "; or, for the exact record, with -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/"
            "DevOSDependencyProvider.cmake";
        return std::unexpected(std::move(error));
    }
    return BuildRecord{std::move(*derived), kCMakeSource};
}

} // namespace devos::dependencies
