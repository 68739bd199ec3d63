#include <devos/checks/file_facts.hpp>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>

namespace devos::checks {

const FileFacts& FileFactsCache::at(clang::SourceLocation loc) {
    if (loc.isInvalid())
        return none_;
    return of(sm_.getFileID(sm_.getExpansionLoc(loc)));
}

const FileFacts& FileFactsCache::of(clang::FileID id) {
    auto it = cache_.find(id);
    if (it != cache_.end())
        return it->second;
    FileFacts facts;
    if (auto entry = sm_.getFileEntryRefForID(id)) {
        bool system = clang::SrcMgr::isSystem(sm_.getFileCharacteristic(sm_.getLocForStartOfFile(id)));
        facts = forPath(entry->getName().str(), system);
    } else {
        facts.system = true; // <built-in>, <command line>, scratch space
    }
    return cache_.try_emplace(id, std::move(facts)).first->second;
}

const FileFacts& FileFactsCache::ofPath(const std::string& path, bool system) {
    auto& cache = byPath_[system ? 1 : 0];
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.emplace(path, forPath(path, system)).first;
    return it->second;
}

FileFacts FileFactsCache::forPath(const std::string& file, bool system) const {
    FileFacts facts;
    if (system) {
        // No rule looks inside a system header: skip resolving symlinks (a few syscalls per header,
        // most of the plugin's cost in a TU that includes the standard library).
        facts.path = std::filesystem::path(file).lexically_normal().generic_string();
        facts.system = true;
        return facts;
    }
    facts.path = engine::repoRelative(root_, file);
    bool inside = engine::isInsideRepo(facts.path);
    facts.system = system || !inside;
    if (!facts.system) {
        facts.firstParty = layers_.isFirstParty(facts.path);
        facts.layer = layers_.layerOf(facts.path);
        facts.test = layers_.isTest(facts.path);
        facts.externalTest = layers_.isExternalTest(facts.path);
    }
    return facts;
}

} // namespace devos::checks
