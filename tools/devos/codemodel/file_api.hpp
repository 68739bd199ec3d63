#pragma once
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>

// Reader of the CMake File API reply (codemodel v2, any minor): the targets, their sources and their
// link edges, each edge with the CMake call that made it.
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

// The hint printed when a build directory has no codemodel reply.
[[nodiscard]] std::string queryHint(const std::string& buildDir);

// Reads the newest reply index under <buildDir>/.cmake/api/v1/reply and its codemodel v2; an error
// names the file and says what to do (create the query, re-run cmake).
[[nodiscard]] foundation::Expected<Codemodel> readCodemodel(const std::string& buildDir);

} // namespace devos::codemodel
