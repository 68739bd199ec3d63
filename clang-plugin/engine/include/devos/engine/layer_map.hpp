#pragma once
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::engine {

class YamlReader;

// One layer of the hexagonal graph and what it may depend on.
struct LayerSpec {
    std::string name;
    std::vector<std::string> paths;       // glob patterns over repo-relative paths
    std::vector<std::string> mayInclude;  // first-party layers this one may include
    std::vector<std::string> discouraged; // allowed with a warning (layer.logic-call)
    bool pure = false;                    // purity rules apply (contracts/, logic/)
    bool interfacesOnly = false;          // ports/: pure abstract interfaces only
    bool external = false;                // may include external (non-standard) libraries
    bool independent = false;             // may not include another file of its own layer (adapters)
    bool mayDefineMain = false;           // entrypoints/
    bool operator==(const LayerSpec&) const = default;
};

// Maps repo-relative paths to layers and answers "may layer A include layer B?".
class LayerMap {
public:
    // The graph as plain data (what rules/layers.yml says), so it can be compiled in.
    struct Data {
        std::vector<LayerSpec> layers;
        std::vector<std::string> firstParty;
        std::vector<std::string> unassignedRoots;
        std::vector<std::string> testPaths;
        std::vector<std::string> externalTestPaths;
        bool operator==(const Data&) const = default;
    };
    LayerMap() = default;
    explicit LayerMap(Data data) : data_(std::move(data)) {}
    [[nodiscard]] const Data& data() const { return data_; }
    bool operator==(const LayerMap&) const = default;

    // Reads the `layers`, `first_party`, ... keys of a layers document (rules/layers.yml).
    [[nodiscard]] static foundation::Expected<LayerMap> parse(const YAML::Node& root,
                                                              const YamlReader& reader);
    // Replaces paths (and optionally may_include) for layers named in a repo config `layers:` node.
    [[nodiscard]] foundation::Expected<void> override(const YAML::Node& layers, const YamlReader& reader);
    // Replaces the first-party roots (rules/layers.yml: src/**, include/**, tests/**) for a repo whose
    // code lives elsewhere; only first-party code is checked.
    void setFirstParty(std::vector<std::string> roots) { data_.firstParty = std::move(roots); }

    // The layer of a repo-relative path, or nullptr when the path is in no layer.
    [[nodiscard]] const LayerSpec* layerOf(const std::string& relPath) const;
    [[nodiscard]] const LayerSpec* find(const std::string& name) const;
    [[nodiscard]] bool mayInclude(const LayerSpec& from, const LayerSpec& to) const;
    [[nodiscard]] bool isDiscouraged(const LayerSpec& from, const LayerSpec& to) const;
    [[nodiscard]] bool isFirstParty(const std::string& relPath) const;
    // True when the path must be in a layer (under src/ by default) but is not.
    [[nodiscard]] bool isUnassigned(const std::string& relPath) const;
    [[nodiscard]] bool isTest(const std::string& relPath) const;
    [[nodiscard]] bool isExternalTest(const std::string& relPath) const;
    [[nodiscard]] const std::vector<LayerSpec>& layers() const { return data_.layers; }
    // "contracts, logic" — the layers `from` may include, for messages.
    [[nodiscard]] std::string allowedList(const LayerSpec& from) const;

private:
    Data data_;
};

} // namespace devos::engine
