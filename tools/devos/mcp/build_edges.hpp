#pragma once
// The layer edges a build really has, for devos_layer_map: the #include edges of the files the
// compile database compiles (and of the first-party headers they reach) and the link edges between
// the targets of the CMake File API codemodel, each folded per (kind, from layer, to layer) with how
// many of them the policy forbids. The parsing and folding are pure; collectBuildEdges reads files.
#include <devos/engine/policy.hpp>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace devos::mcp {

// One layer edge of the build, folded: how many file includes or target links take it, how many of
// them the policy forbids, and one of them ("src/logic/a.cpp:3" or "target logic -> db").
struct BuildEdgeCount {
    std::string kind; // "include" or "link"
    std::string from;
    std::string to;
    long count = 0;
    long violations = 0;
    std::string example; // the first forbidden one, else the first one
};

// Edges keyed by (kind, from, to), so the result is in that order.
using BuildEdgeMap = std::map<std::tuple<std::string, std::string, std::string>, BuildEdgeCount>;

// Counts one edge into `edges`.
void countBuildEdge(BuildEdgeMap& edges, const std::string& kind, const std::string& from,
                    const std::string& to, bool forbidden, const std::string& example);

// What collectBuildEdges found and what it could not read.
struct BuildEdges {
    std::vector<BuildEdgeCount> edges;
    long filesScanned = 0;          // sources of the compile database in the repo, plus headers they reached
    long targets = 0;               // targets of the codemodel
    std::vector<std::string> notes; // a missing compile database or codemodel, a cap reached
};

// The build edges of the repo at `root` (absolute) from `buildDir`'s compile_commands.json and its
// File API reply; at most `maxFiles` files are read. Missing inputs are notes, not errors.
[[nodiscard]] BuildEdges collectBuildEdges(const engine::Policy& policy, const std::string& root,
                                           const std::string& buildDir, long maxFiles = 20000);

} // namespace devos::mcp
