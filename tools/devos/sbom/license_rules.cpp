#include "sbom/license_rules.hpp"

#include <cctype>
#include <devos/engine/yaml_reader.hpp>

namespace devos::sbom {
namespace {

// An SPDX license id or LicenseRef: letters, digits, '.', '-' and '+', no spaces.
bool isLicenseId(const std::string& text) {
    if (text.empty())
        return false;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+')
            return false;
    return true;
}

foundation::Expected<std::vector<LicenseRules::Entry>> entries(const YAML::Node& list, const std::string& key,
                                                               const YamlReader& reader) {
    if (!list.IsSequence())
        return reader.error(list, "'licenses." + key + "' must be a list of SPDX license ids",
                            "e.g. " + key + ": [MIT, BSD-3-Clause]");
    std::vector<LicenseRules::Entry> out;
    for (const auto& item : list) {
        auto id = reader.string(item, "an entry of 'licenses." + key + "'");
        if (!id)
            return std::unexpected(id.error());
        if (!isLicenseId(*id))
            return reader.error(item, "'" + *id + "' in 'licenses." + key + "' is not an SPDX license id",
                                "write one id per entry, e.g. GPL-2.0-or-later (https://spdx.org/licenses/)");
        out.push_back({*id, YamlReader::line(item)});
    }
    return out;
}

} // namespace

foundation::Expected<LicenseRules> LicenseRules::parse(const YAML::Node& node, const YamlReader& reader) {
    if (auto ok = reader.onlyKeys(node, {"allow", "deny"}, "'licenses'"); !ok)
        return std::unexpected(ok.error());
    LicenseRules rules;
    if (const YAML::Node allow = node["allow"]) {
        auto parsed = entries(allow, "allow", reader);
        if (!parsed)
            return std::unexpected(parsed.error());
        rules.allow = std::move(*parsed);
        for (const auto& kv : node)
            if (kv.first.Scalar() == "allow")
                rules.allowLine = YamlReader::line(kv.first);
    }
    if (const YAML::Node deny = node["deny"]) {
        auto parsed = entries(deny, "deny", reader);
        if (!parsed)
            return std::unexpected(parsed.error());
        rules.deny = std::move(*parsed);
    }
    for (const auto& denied : rules.deny)
        for (const auto& allowed : rules.allow)
            if (denied.license == allowed.license)
                return foundation::fail(
                    foundation::ErrorKind::Invalid, "'" + denied.license + "' is both allowed and denied",
                    reader.origin(), denied.line, "keep it in one of 'licenses.allow' and 'licenses.deny'");
    return rules;
}

} // namespace devos::sbom
