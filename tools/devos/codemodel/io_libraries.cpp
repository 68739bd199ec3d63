#include "codemodel/io_libraries.hpp"

#include <devos/engine/glob.hpp>
#include <devos/engine/policy.hpp>
#include <devos/engine/yaml_reader.hpp>

namespace devos::codemodel {

std::string libraryName(const std::string& fragment) {
    if (fragment.starts_with("-l"))
        return fragment.substr(2);
    if (fragment == "-pthread")
        return "pthread";
    if (fragment.starts_with("-"))
        return {};
    size_t slash = fragment.find_last_of("/\\");
    std::string name = slash == std::string::npos ? fragment : fragment.substr(slash + 1);
    size_t so = name.find(".so");
    if (so != std::string::npos && (so + 3 == name.size() || name[so + 3] == '.'))
        name.resize(so);
    for (std::string ext : {".a", ".dylib", ".lib", ".tbd", ".dll"})
        if (name.ends_with(ext))
            name.resize(name.size() - ext.size());
    if (name.starts_with("lib") && name.size() > 3) // a file path: libsqlite3.so
        name.erase(0, 3);
    return name;
}

foundation::Expected<IoLibraries> IoLibraries::fromRules() {
    engine::YamlReader reader("rules/purity.yml");
    auto root = reader.load(engine::EmbeddedRules::purity());
    if (!root)
        return std::unexpected(root.error());
    if (!(*root)["io_libraries"])
        return IoLibraries({});
    auto patterns = reader.strings((*root)["io_libraries"], "io_libraries");
    if (!patterns)
        return std::unexpected(patterns.error());
    return IoLibraries(std::move(*patterns));
}

std::optional<std::string> IoLibraries::match(const std::string& fragment) const {
    std::string name = libraryName(fragment);
    if (name.empty())
        return std::nullopt;
    for (const auto& pattern : patterns_)
        if (engine::globMatch(pattern, name))
            return name;
    return std::nullopt;
}

} // namespace devos::codemodel
