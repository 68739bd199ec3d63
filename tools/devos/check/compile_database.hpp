#pragma once
#include <clang/Tooling/CompilationDatabase.h>
#include <devos/foundation/error.hpp>
#include <memory>
#include <string>
#include <vector>

namespace devos::check {

// A compile database and the source files it lists, in the database's order.
struct CompileDatabase {
    std::unique_ptr<clang::tooling::CompilationDatabase> database;
    std::vector<std::string> files; // absolute paths
    std::string path;               // the compile_commands.json that was read
};

// Loads <buildDir>/compile_commands.json, validating it first so a broken file gets an error that
// names the file, the line and what to do (rather than LibTooling's generic message).
[[nodiscard]] foundation::Expected<CompileDatabase> loadCompileDatabase(const std::string& buildDir);

} // namespace devos::check
