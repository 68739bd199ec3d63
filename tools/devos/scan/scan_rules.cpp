#include "scan/scan_rules.hpp"

#include <algorithm>
#include <cctype>
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/glob.hpp>
#include <devos/foundation/text.hpp>

namespace devos::scan {
foundation::Expected<ScanRules> ScanRules::parse(const YAML::Node& node, const YamlReader& reader) {
    if (!node.IsMap())
        return reader.error(node, "'scan' must be a mapping",
                            "e.g. scan: { exclude: [\"tests/fixtures/**\"], max_file_kb: 1024 }");
    if (auto ok = reader.onlyKeys(node, {"exclude", "max_file_kb", "allow_extensions", "gitleaks_config"},
                                  "'scan'");
        !ok)
        return std::unexpected(ok.error());
    ScanRules rules;
    if (const YAML::Node exclude = node["exclude"]) {
        auto globs = reader.strings(exclude, "'scan.exclude'");
        if (!globs)
            return std::unexpected(globs.error());
        rules.exclude = std::move(*globs);
    }
    if (const YAML::Node max = node["max_file_kb"]) {
        auto kb = reader.integer(max, "'scan.max_file_kb'");
        if (!kb)
            return std::unexpected(kb.error());
        if (*kb <= 0)
            return reader.error(max, "'scan.max_file_kb' must be a positive number of KiB, not " +
                                         std::to_string(*kb));
        rules.maxFileKb = static_cast<unsigned long>(*kb);
    }
    if (const YAML::Node allow = node["allow_extensions"]) {
        auto extensions = reader.strings(allow, "'scan.allow_extensions'");
        if (!extensions)
            return std::unexpected(extensions.error());
        for (auto& extension : *extensions) {
            if (extension.empty() || extension.find('/') != std::string::npos)
                return reader.error(
                    allow, "'scan.allow_extensions' must list file extensions, not '" + extension + "'",
                    "e.g. allow_extensions: [\".png\", \".pdf\"]");
            rules.allowExtensions.push_back(
                foundation::lower(extension[0] == '.' ? extension : "." + extension));
        }
    }
    if (const YAML::Node config = node["gitleaks_config"]) {
        auto path = reader.string(config, "'scan.gitleaks_config'");
        if (!path)
            return std::unexpected(path.error());
        if (path->empty())
            return reader.error(config, "'scan.gitleaks_config' must name a file",
                                "e.g. gitleaks_config: .gitleaks.toml (relative to the repo root)");
        rules.gitleaksConfig = std::move(*path);
        rules.gitleaksConfigLine = YamlReader::line(config);
    }
    return rules;
}

bool ScanRules::excludes(const std::string& path) const {
    return std::any_of(exclude.begin(), exclude.end(),
                       [&](const std::string& glob) { return foundation::globMatch(glob, path); });
}

bool ScanRules::allowsExtensionOf(const std::string& path) const {
    size_t slash = path.rfind('/');
    std::string name = foundation::lower(path.substr(slash == std::string::npos ? 0 : slash + 1));
    return std::any_of(allowExtensions.begin(), allowExtensions.end(),
                       [&](const std::string& extension) { return name.ends_with(extension); });
}

} // namespace devos::scan
