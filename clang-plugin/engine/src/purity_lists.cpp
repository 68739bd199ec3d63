#include <algorithm>
#include <devos/engine/glob.hpp>
#include <devos/engine/purity_lists.hpp>
#include <devos/engine/yaml_reader.hpp>

namespace devos::engine {
namespace {

bool anyName(const std::vector<std::string>& patterns, const std::string& name) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const auto& p) { return namePatternMatch(p, name); });
}

bool anyHeader(const std::vector<std::string>& patterns, const std::string& spelling) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const auto& p) { return globMatch(p, spelling); });
}

} // namespace

foundation::Expected<PurityLists> PurityLists::parse(const YAML::Node& root, const YamlReader& reader) {
    PurityLists lists;
    // io_libraries is read by `devos targets` (tools/devos/codemodel/io_libraries.cpp), not by the checks.
    if (auto ok = reader.onlyKeys(root, {"version", "deny", "pure_headers", "pure_calls", "io_libraries"},
                                  "the purity lists");
        !ok)
        return std::unexpected(ok.error());
    const YAML::Node deny = root["deny"];
    if (!deny || !deny.IsMap())
        return reader.error(root, "the purity lists need a 'deny' mapping of rule id to lists");
    for (const auto& kv : deny) {
        DenyList list;
        list.ruleId = kv.first.Scalar();
        if (auto ok =
                reader.onlyKeys(kv.second, {"calls", "types", "variables", "headers"}, "deny." + list.ruleId);
            !ok)
            return std::unexpected(ok.error());
        for (auto [key, target] : {std::pair{"calls", &list.calls},
                                   {"types", &list.types},
                                   {"variables", &list.variables},
                                   {"headers", &list.headers}}) {
            if (!kv.second[key])
                continue;
            auto items = reader.strings(kv.second[key], "deny." + list.ruleId + "." + key);
            if (!items)
                return std::unexpected(items.error());
            *target = *items;
        }
        lists.data_.deny.push_back(std::move(list));
    }
    if (auto ok = lists.extend(root, reader); !ok)
        return std::unexpected(ok.error());
    return lists;
}

foundation::Expected<void> PurityLists::extend(const YAML::Node& purity, const YamlReader& reader) {
    for (auto [key, target] :
         {std::pair{"pure_headers", &data_.pureHeaders}, {"pure_calls", &data_.pureCalls}}) {
        if (!purity[key])
            continue;
        auto items = reader.strings(purity[key], key);
        if (!items)
            return std::unexpected(items.error());
        target->insert(target->end(), items->begin(), items->end());
    }
    return {};
}

std::optional<std::string> PurityLists::deniedCall(const std::string& name) const {
    for (const auto& list : data_.deny)
        if (anyName(list.calls, name))
            return list.ruleId;
    return std::nullopt;
}

std::optional<std::string> PurityLists::deniedType(const std::string& name) const {
    for (const auto& list : data_.deny)
        if (anyName(list.types, name))
            return list.ruleId;
    return std::nullopt;
}

std::optional<std::string> PurityLists::deniedVariable(const std::string& name) const {
    for (const auto& list : data_.deny)
        if (anyName(list.variables, name))
            return list.ruleId;
    return std::nullopt;
}

std::optional<std::string> PurityLists::deniedHeader(const std::string& spelling) const {
    for (const auto& list : data_.deny)
        if (anyHeader(list.headers, spelling))
            return list.ruleId;
    return std::nullopt;
}

bool PurityLists::isPureCall(const std::string& name) const {
    return anyName(data_.pureCalls, name);
}
bool PurityLists::isPureHeader(const std::string& spelling) const {
    return anyHeader(data_.pureHeaders, spelling);
}

} // namespace devos::engine
