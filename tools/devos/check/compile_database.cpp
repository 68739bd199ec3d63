#include "check/compile_database.hpp"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace devos::check {

foundation::Expected<CompileDatabase> loadCompileDatabase(const std::string& buildDir) {
    namespace fs = std::filesystem;
    fs::path path = fs::path(buildDir) / "compile_commands.json";
    std::error_code ec;
    if (!fs::is_directory(buildDir, ec))
        return foundation::fail(
            foundation::ErrorKind::NotFound, "the build directory does not exist", buildDir, 0,
            "configure the project first: cmake -S . -B " + buildDir + " -DCMAKE_EXPORT_COMPILE_COMMANDS=ON");
    if (!fs::is_regular_file(path, ec))
        return foundation::fail(
            foundation::ErrorKind::NotFound, "no compile database in the build directory", path.string(), 0,
            "configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON (Ninja or Makefiles generators)");
    auto text = foundation::readTextFile(path.string(), "the compile database");
    if (!text)
        return std::unexpected(text.error());
    auto parsed =
        foundation::parseJson(*text, path.string(), "the compile database", "re-run cmake to regenerate it");
    if (!parsed)
        return std::unexpected(parsed.error());
    const nlohmann::json& json = *parsed;
    if (!json.is_array())
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "the compile database must be a JSON array of commands", path.string(), 1,
                                "re-run cmake to regenerate it");
    for (size_t i = 0; i < json.size(); ++i) {
        const auto& entry = json[i];
        bool ok = entry.is_object() && entry.contains("directory") && entry.contains("file") &&
                  (entry.contains("command") || entry.contains("arguments"));
        if (!ok) {
            std::string dumped = entry.dump();
            size_t at = text->find(dumped.substr(0, std::min<size_t>(dumped.size(), 20)));
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "entry " + std::to_string(i) +
                                        " needs \"directory\", \"file\" and \"command\" or \"arguments\"",
                                    path.string(),
                                    at == std::string::npos ? 0 : foundation::lineOfOffset(*text, at),
                                    "re-run cmake to regenerate the compile database");
        }
    }
    std::string error;
    auto database = clang::tooling::JSONCompilationDatabase::loadFromFile(
        path.string(), error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!database)
        return foundation::fail(foundation::ErrorKind::Io, "cannot read the compile database: " + error,
                                path.string(), 0);
    CompileDatabase out;
    out.files = database->getAllFiles();
    out.database = std::move(database);
    out.path = path.string();
    return out;
}

} // namespace devos::check
