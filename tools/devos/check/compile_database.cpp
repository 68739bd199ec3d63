#include "check/compile_database.hpp"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace devos::check {
namespace {

unsigned lineAt(const std::string& text, size_t offset) {
    unsigned line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n';
    return line;
}

} // namespace

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
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("the compile database is not valid JSON: ") + e.what(),
                                path.string(), lineAt(text, e.byte > 0 ? e.byte - 1 : 0),
                                "re-run cmake to regenerate it");
    }
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
            size_t at = text.find(dumped.substr(0, std::min<size_t>(dumped.size(), 20)));
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "entry " + std::to_string(i) +
                                        " needs \"directory\", \"file\" and \"command\" or \"arguments\"",
                                    path.string(), at == std::string::npos ? 0 : lineAt(text, at),
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
