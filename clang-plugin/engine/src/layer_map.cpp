#include <algorithm>
#include <devos/engine/glob.hpp>
#include <devos/engine/layer_map.hpp>
#include <devos/engine/yaml_reader.hpp>

namespace devos::engine {
namespace {

bool anyMatch(const std::vector<std::string>& patterns, const std::string& path) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const auto& p) { return globMatch(p, path); });
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

const std::vector<std::string> kLayerKeys = {"paths",           "may_include", "discouraged", "pure",
                                             "interfaces_only", "external",    "independent", "main"};

foundation::Expected<void> readLayer(LayerSpec& spec, const YAML::Node& body, const YamlReader& reader) {
    if (auto ok = reader.onlyKeys(body, kLayerKeys, "layer '" + spec.name + "'"); !ok)
        return ok;
    auto readList = [&](const char* key, std::vector<std::string>& out) -> foundation::Expected<void> {
        if (!body[key])
            return {};
        auto list = reader.strings(body[key], std::string("layer '") + spec.name + "' " + key);
        if (!list)
            return std::unexpected(list.error());
        out = *list;
        return {};
    };
    auto readFlag = [&](const char* key, bool& out) -> foundation::Expected<void> {
        if (!body[key])
            return {};
        auto flag = reader.boolean(body[key], std::string("layer '") + spec.name + "' " + key);
        if (!flag)
            return std::unexpected(flag.error());
        out = *flag;
        return {};
    };
    for (auto r : {readList("paths", spec.paths), readList("may_include", spec.mayInclude),
                   readList("discouraged", spec.discouraged), readFlag("pure", spec.pure),
                   readFlag("interfaces_only", spec.interfacesOnly), readFlag("external", spec.external),
                   readFlag("independent", spec.independent), readFlag("main", spec.mayDefineMain)})
        if (!r)
            return r;
    return {};
}

} // namespace

foundation::Expected<LayerMap> LayerMap::parse(const YAML::Node& root, const YamlReader& reader) {
    LayerMap map;
    const YAML::Node layers = root["layers"];
    if (!layers || !layers.IsMap())
        return reader.error(root, "the layer graph needs a 'layers' mapping");
    for (const auto& kv : layers) {
        LayerSpec spec;
        spec.name = kv.first.Scalar();
        if (auto ok = readLayer(spec, kv.second, reader); !ok)
            return std::unexpected(ok.error());
        map.data_.layers.push_back(std::move(spec));
    }
    for (auto [key, target] : {std::pair{"first_party", &map.data_.firstParty},
                               {"unassigned_roots", &map.data_.unassignedRoots},
                               {"test_paths", &map.data_.testPaths},
                               {"external_test_paths", &map.data_.externalTestPaths}}) {
        if (!root[key])
            continue;
        auto list = reader.strings(root[key], key);
        if (!list)
            return std::unexpected(list.error());
        *target = *list;
    }
    for (const auto& spec : map.data_.layers)
        for (const auto& target : spec.mayInclude)
            if (!map.find(target))
                return reader.error(layers[spec.name], "layer '" + spec.name +
                                                           "' may_include names unknown layer '" + target +
                                                           "'");
    return map;
}

foundation::Expected<void> LayerMap::override(const YAML::Node& layers, const YamlReader& reader) {
    if (!layers.IsMap())
        return reader.error(layers, "'layers' must map a layer name to its settings",
                            "e.g. layers: { logic: { paths: [\"src/domain/**\"] } }");
    for (const auto& kv : layers) {
        std::string name = kv.first.Scalar();
        auto it = std::find_if(data_.layers.begin(), data_.layers.end(),
                               [&](const auto& l) { return l.name == name; });
        if (it == data_.layers.end()) {
            LayerSpec fresh;
            fresh.name = name;
            data_.layers.push_back(fresh);
            it = data_.layers.end() - 1;
        }
        if (auto ok = readLayer(*it, kv.second, reader); !ok)
            return ok;
    }
    for (const auto& spec : data_.layers)
        for (const auto& target : spec.mayInclude)
            if (!find(target))
                return reader.error(layers, "layer '" + spec.name + "' may_include names unknown layer '" +
                                                target + "'");
    return {};
}

const LayerSpec* LayerMap::layerOf(const std::string& relPath) const {
    for (const auto& spec : data_.layers)
        if (anyMatch(spec.paths, relPath))
            return &spec;
    return nullptr;
}

const LayerSpec* LayerMap::find(const std::string& name) const {
    for (const auto& spec : data_.layers)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

bool LayerMap::mayInclude(const LayerSpec& from, const LayerSpec& to) const {
    if (from.name == to.name)
        return !from.independent;
    return contains(from.mayInclude, to.name) || contains(from.discouraged, to.name);
}

bool LayerMap::isDiscouraged(const LayerSpec& from, const LayerSpec& to) const {
    return contains(from.discouraged, to.name);
}

bool LayerMap::isFirstParty(const std::string& relPath) const {
    return anyMatch(data_.firstParty, relPath);
}
bool LayerMap::isUnassigned(const std::string& relPath) const {
    return anyMatch(data_.unassignedRoots, relPath) && !layerOf(relPath);
}
bool LayerMap::isTest(const std::string& relPath) const {
    return anyMatch(data_.testPaths, relPath);
}
bool LayerMap::isExternalTest(const std::string& relPath) const {
    return anyMatch(data_.externalTestPaths, relPath);
}

std::string LayerMap::allowedList(const LayerSpec& from) const {
    std::string out;
    for (const auto& name : from.mayInclude)
        if (name != from.name || !from.independent)
            out += (out.empty() ? "" : ", ") + name + "/";
    if (from.independent)
        out += std::string(out.empty() ? "" : ", ") + "no other " + from.name + "/";
    return out.empty() ? "nothing first-party" : out;
}

} // namespace devos::engine
