#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <yaml-cpp/yaml.h>

namespace devos::adapters {
namespace {

unsigned lineOf(const YAML::Node& node) {
    return node.Mark().line >= 0 ? static_cast<unsigned>(node.Mark().line + 1) : 0;
}

contracts::Expected<void> flatten(const YAML::Node& map, const std::string& prefix,
                                  contracts::ConfigDocument& doc) {
    for (const auto& kv : map) {
        if (!kv.first.IsScalar())
            return contracts::fail(contracts::ErrorKind::Invalid, "a key must be a plain name", doc.origin,
                                   lineOf(kv.first));
        const std::string key = prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar();
        const YAML::Node& value = kv.second;
        contracts::ConfigEntry entry{key, {}, {}, false, lineOf(kv.first)};
        if (value.IsMap()) {
            if (auto nested = flatten(value, key, doc); !nested)
                return nested;
            continue;
        }
        if (value.IsSequence()) {
            entry.isList = true;
            for (const auto& item : value) {
                if (!item.IsScalar())
                    return contracts::fail(contracts::ErrorKind::Invalid,
                                           key + " must be a list of plain values", doc.origin, lineOf(item),
                                           "write it as [\"a\", \"b\"]");
                entry.list.push_back(item.Scalar());
            }
        } else if (value.IsScalar()) {
            entry.scalar = value.Scalar();
        }
        doc.entries.push_back(std::move(entry));
    }
    return {};
}

} // namespace

contracts::Expected<std::optional<contracts::ConfigDocument>>
YamlConfigFileReader::read(const std::string& path, const std::string& shownAs) const {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return std::optional<contracts::ConfigDocument>{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return contracts::fail(contracts::ErrorKind::Io, "cannot read the file", shownAs, 0,
                               "check its permissions");
    std::stringstream text;
    text << in.rdbuf();
    contracts::ConfigDocument doc{shownAs, {}};
    if (auto bad = foundation::firstNonTextByte(text.view()))
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "not a YAML text file: byte " + std::to_string(*bad + 1) +
                                   " is not UTF-8 text (a control byte or invalid UTF-8)",
                               shownAs, foundation::lineOfOffset(text.view(), *bad),
                               "save the file as UTF-8 text; a binary or damaged file must be restored");
    YAML::Node root;
    try {
        root = YAML::Load(text.str());
    } catch (const YAML::ParserException& e) {
        return contracts::fail(contracts::ErrorKind::Invalid, "invalid YAML: " + e.msg, shownAs,
                               static_cast<unsigned>(e.mark.line + 1),
                               "fix the syntax at this line (indentation, quotes, a missing ':')");
    }
    if (root.IsNull())
        return std::optional(std::move(doc));
    if (!root.IsMap())
        return contracts::fail(contracts::ErrorKind::Invalid, "expected a mapping at the top level", shownAs,
                               lineOf(root), "start the file with `key: value` lines");
    if (auto flat = flatten(root, "", doc); !flat)
        return std::unexpected(flat.error());
    return std::optional(std::move(doc));
}

} // namespace devos::adapters
