#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/text.hpp>
#include <map>
#include <optional>

namespace devos::engine {

namespace {

// The first mapping key, anywhere in `node`, written twice in the same mapping (yaml-cpp keeps both
// and lookups see the first, so the second would be ignored without a word).
std::optional<YAML::Node> duplicateKey(const YAML::Node& node) {
    if (node.IsMap()) {
        std::map<std::string, YAML::Node> seen;
        for (const auto& kv : node) {
            if (kv.first.IsScalar() && !seen.emplace(kv.first.Scalar(), kv.first).second)
                return kv.first;
            if (auto inner = duplicateKey(kv.second))
                return inner;
        }
    } else if (node.IsSequence()) {
        for (const auto& item : node)
            if (auto inner = duplicateKey(item))
                return inner;
    }
    return std::nullopt;
}

} // namespace

foundation::Expected<YAML::Node> YamlReader::load(const std::string& text) const {
    // yaml-cpp guesses an encoding from the first bytes and may read binary bytes as an empty
    // document: a file that is not text is an error, never the defaults.
    if (auto bad = foundation::firstNonTextByte(text))
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "not a YAML text file: byte " + std::to_string(*bad + 1) +
                                    " is not UTF-8 text (a control byte or invalid UTF-8)",
                                origin_, foundation::lineOfOffset(text, *bad),
                                "save the file as UTF-8 text; a binary or damaged file must be restored");
    try {
        YAML::Node root = YAML::Load(text);
        if (root.IsNull())
            return YAML::Node(YAML::NodeType::Map);
        if (!root.IsMap())
            return error(root, "expected a mapping at the top level",
                         "start the file with `key: value` lines");
        if (auto twice = duplicateKey(root))
            return error(*twice, "the key '" + twice->Scalar() + "' is written twice in the same mapping",
                         "keep one of them: the second would be ignored");
        return root;
    } catch (const YAML::ParserException& e) {
        return foundation::fail(foundation::ErrorKind::Invalid, "invalid YAML: " + e.msg, origin_,
                                static_cast<unsigned>(e.mark.line + 1),
                                "fix the syntax at this line (indentation, quotes, a missing ':')");
    }
}

unsigned YamlReader::line(const YAML::Node& node) {
    return node.IsDefined() && node.Mark().line >= 0 ? static_cast<unsigned>(node.Mark().line + 1) : 0;
}

std::unexpected<foundation::Error> YamlReader::error(const YAML::Node& at, std::string message,
                                                     std::string hint) const {
    return foundation::fail(foundation::ErrorKind::Invalid, std::move(message), origin_, line(at),
                            std::move(hint));
}

foundation::Expected<std::string> YamlReader::string(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar())
        return error(node, what + " must be a string");
    return node.Scalar();
}

foundation::Expected<std::vector<std::string>> YamlReader::strings(const YAML::Node& node,
                                                                   const std::string& what) const {
    std::vector<std::string> out;
    if (!node.IsSequence())
        return error(node, what + " must be a list of strings", "write it as [\"a\", \"b\"]");
    for (const auto& item : node) {
        if (!item.IsScalar())
            return error(item, what + " must contain only strings");
        out.push_back(item.Scalar());
    }
    return out;
}

foundation::Expected<bool> YamlReader::boolean(const YAML::Node& node, const std::string& what) const {
    const std::string& s = node.IsScalar() ? node.Scalar() : std::string{};
    if (s == "true")
        return true;
    if (s == "false")
        return false;
    return error(node, what + " must be true or false");
}

foundation::Expected<long> YamlReader::integer(const YAML::Node& node, const std::string& what) const {
    if (node.IsScalar()) {
        const std::string& s = node.Scalar();
        char* end = nullptr;
        long value = std::strtol(s.c_str(), &end, 10);
        if (!s.empty() && end && *end == '\0')
            return value;
    }
    return error(node, what + " must be an integer");
}

foundation::Expected<void> YamlReader::onlyKeys(const YAML::Node& map, const std::vector<std::string>& known,
                                                const std::string& what) const {
    if (!map.IsMap())
        return error(map, what + " must be a mapping");
    for (const auto& kv : map) {
        const std::string key = kv.first.Scalar();
        bool ok = false;
        for (const auto& k : known)
            ok = ok || k == key;
        if (!ok) {
            std::string list;
            for (const auto& k : known)
                list += (list.empty() ? "" : ", ") + k;
            return error(kv.first, "unknown key '" + key + "' in " + what, "allowed keys: " + list);
        }
    }
    return {};
}

} // namespace devos::engine
