#pragma once
#include <clang/Basic/SourceManager.h>
#include <devos/engine/layer_map.hpp>
#include <llvm/ADT/DenseMap.h>
#include <string>
#include <unordered_map>

namespace devos::checks {

// What the rules need to know about one file of the translation unit.
struct FileFacts {
    std::string path; // repo-relative when inside the repo, else absolute
    const engine::LayerSpec* layer = nullptr;
    bool firstParty = false;   // inside the repo and under a first-party root
    bool test = false;         // under the test paths: layer and purity rules do not apply
    bool externalTest = false; // tests/external/: may mock internal classes' boundaries
    bool system = false;       // a system header (or outside the repo)
    [[nodiscard]] bool checked() const { return firstParty && !system && !test; }
    [[nodiscard]] bool pure() const { return checked() && layer && layer->pure; }
};

// Caches FileFacts per FileID for one translation unit.
class FileFactsCache {
public:
    FileFactsCache(const clang::SourceManager& sm, const engine::LayerMap& layers, std::string repoRoot)
        : sm_(sm), layers_(layers), root_(std::move(repoRoot)) {}

    // Facts of the file a location is spelled in after macro expansion.
    [[nodiscard]] const FileFacts& at(clang::SourceLocation loc);
    [[nodiscard]] const FileFacts& of(clang::FileID id);
    // Facts of a file given by path (an included file, before its FileID exists), computed once
    // per path: the include rules ask for the same headers from every file that includes them.
    [[nodiscard]] const FileFacts& ofPath(const std::string& path, bool system);
    [[nodiscard]] const std::string& repoRoot() const { return root_; }

private:
    const clang::SourceManager& sm_;
    const engine::LayerMap& layers_;
    std::string root_;
    [[nodiscard]] FileFacts forPath(const std::string& path, bool system) const;

    llvm::DenseMap<clang::FileID, FileFacts> cache_;
    std::unordered_map<std::string, FileFacts> byPath_[2]; // [system]
    FileFacts none_;
};

} // namespace devos::checks
