#pragma once
// The pre-edit question "may this file include that header?", answered from the policy alone (no
// compile): the layer of each end, and the include rule the edge would break. It applies the same
// decisions as the plugin's include checks (layer.include, layer.adapter-include, purity headers).
#include <devos/engine/policy.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace devos::mcp {

// Where the include's target resolved: a first-party file (by repo path), or a standard or
// external header (by its spelling).
enum class HeaderKind { FirstParty, Standard, External };

// The verdict on one include edge.
struct EdgeVerdict {
    bool allowed = true;
    std::string fromPath;
    std::optional<std::string> fromLayer;
    std::string toSpelling; // as it would be written, without <> or ""
    HeaderKind toKind = HeaderKind::External;
    std::optional<std::string> toPath; // the repo path of a first-party target
    std::optional<std::string> toLayer;
    std::optional<std::string> rule;     // the rule the edge breaks (when not allowed, or discouraged)
    std::string reason;                  // one sentence: why it is (not) allowed
    std::vector<std::string> mayInclude; // the layers `from` may include
};

[[nodiscard]] const char* headerKindName(HeaderKind kind);

// Judges `#include <to>` in the repo file `fromPath`. `to` is the spelling (quotes or angle
// brackets optional) or a repo path; it is first-party when a candidate path (as given, under src/,
// under include/, beside `fromPath`) is first-party and `exists` says the file is there or a layer
// claims the path. Rules at level off allow the edge.
[[nodiscard]] EdgeVerdict judgeIncludeEdge(const engine::Policy& policy, const std::string& fromPath,
                                           const std::string& to,
                                           const std::function<bool(const std::string& repoPath)>& exists);

} // namespace devos::mcp
