#pragma once
#include <devos/engine/finding.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::engine {

// A direct effect inside a function body: which purity rule it breaks and what did it.
struct Effect {
    std::string ruleId; // purity.clock, purity.io, ...
    std::string what;   // "std::time"
    unsigned line = 0;
};

// A call from a function body to a first-party function (calls into system headers are not kept: no
// checked TU defines them, and the per-TU checks judge them against the purity lists).
struct CallSite {
    std::string usr;      // the callee's Unified Symbol Resolution: stable across TUs
    std::string name;     // qualified name for messages
    std::string declFile; // repo-relative file of the callee's declaration
    SourcePoint at;
};

// One function defined in a translation unit.
struct FunctionSummary {
    std::string usr;
    std::string name;
    std::string file; // repo-relative
    unsigned line = 0;
    std::string layer; // "" when the file is in no layer
    bool pureLayer = false;
    std::vector<Effect> effects;
    std::vector<CallSite> calls; // pure-layer functions only: the link follows no call out of other layers
};

// What one checked TU defines and does: written beside the object file (plugin) or in the check
// cache (devos check), merged by the PurityLinker.
struct EffectSummary {
    std::string tu; // repo-relative main file
    std::vector<FunctionSummary> functions;
    std::vector<Finding> findings; // the TU's own findings, so a merge step can report them too
};

[[nodiscard]] std::string toJson(const EffectSummary& summary);
[[nodiscard]] foundation::Expected<EffectSummary> summaryFromJson(const std::string& text,
                                                                  const std::string& origin);
[[nodiscard]] std::string findingToJson(const Finding& f); // one finding as a compact JSON object
[[nodiscard]] foundation::Expected<Finding> findingFromJson(const std::string& text,
                                                            const std::string& origin);

} // namespace devos::engine
