#pragma once
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>

// Reader of the CMake File API reply (codemodel v2, any minor): the targets, their sources and their
// link edges, each edge with the CMake call that made it; and the cache (v2) and the project's own
// CMake files (cmakeFiles v1) that `devos deps` and `devos sbom` derive a dependency record from.
namespace devos::codemodel {

// The CMake command behind an edge, from the target's backtrace graph. `file` is absolute.
struct CallSite {
    std::string file;
    unsigned line = 0;
    std::string command;     // "target_link_libraries"
    std::string namedTarget; // the call's first argument when it names a target; empty otherwise
};

// One link edge: to an in-project target (`targetId`) or a raw library fragment ("-lsqlite3").
struct LinkEdge {
    std::string targetId;
    std::string fragment;
    std::optional<CallSite> site;
    // For a fragment an imported target brought in (its link interface): the package named by the
    // outermost find_package / pkg_check_modules / pkg_search_module call in its backtrace.
    std::string package{};
};

// One build-system target (UTILITY targets are left out).
struct Target {
    std::string id;
    std::string name;
    std::string type;                   // EXECUTABLE, STATIC_LIBRARY, SHARED_LIBRARY ...
    std::vector<std::string> sources;   // absolute paths
    std::vector<std::string> artifacts; // absolute paths
    std::vector<LinkEdge> dependencies; // in-project targets (build order: includes transitive ones)
    std::vector<LinkEdge> libraries;    // link commandFragments with role "libraries"
};

// The first configuration of a codemodel reply.
struct Codemodel {
    std::string sourceDir;
    std::string buildDir;
    unsigned minorVersion = 0;
    std::vector<Target> targets;

    // The target with this id, or nullptr.
    [[nodiscard]] const Target* find(const std::string& id) const;
    // The target with this name, or nullptr.
    [[nodiscard]] const Target* findByName(const std::string& name) const;
};

// One CMake cache entry.
struct CacheEntry {
    std::string name;
    std::string value;
    std::string type;       // PATH, FILEPATH, STRING, BOOL, INTERNAL, STATIC, UNINITIALIZED
    std::string helpString; // its HELPSTRING property; may be empty
};

// The hint printed when a build directory has no reply of the `query` object ("codemodel-v2").
[[nodiscard]] std::string queryHint(const std::string& buildDir, const std::string& query = "codemodel-v2");

// Reads the newest reply index under <buildDir>/.cmake/api/v1/reply and its codemodel v2; an error
// names the file and says what to do (create the query, re-run cmake).
[[nodiscard]] foundation::Expected<Codemodel> readCodemodel(const std::string& buildDir);

// The cache entries of the newest reply (query: cache-v2).
[[nodiscard]] foundation::Expected<std::vector<CacheEntry>> readCache(const std::string& buildDir);

// The project's own CMake files of the newest reply (query: cmakeFiles-v1): its CMakeLists.txt and
// the .cmake files it includes, absolute, in CMake's order (the top CMakeLists.txt first); CMake's
// modules, files outside the source tree and generated files are left out.
[[nodiscard]] foundation::Expected<std::vector<std::string>>
readProjectListFiles(const std::string& buildDir);

} // namespace devos::codemodel
