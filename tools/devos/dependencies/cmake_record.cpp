#include "dependencies/cmake_record.hpp"

#include "codemodel/call_site.hpp"
#include "dependencies/dependency_check.hpp"

#include <algorithm>
#include <cctype>
#include <devos/foundation/files.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;

namespace devos::dependencies {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

// CMake's truth for a cache value: 1, ON, YES, TRUE, Y or a non-zero number.
bool isTrue(const std::string& value) {
    std::string v = upper(value);
    if (v == "ON" || v == "YES" || v == "TRUE" || v == "Y")
        return true;
    return !v.empty() && std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); }) &&
           v.find_first_not_of('0') != std::string::npos;
}

bool isFile(const std::string& path) {
    std::error_code ec;
    return fs::path(path).is_absolute() && fs::is_regular_file(path, ec);
}

bool isConfigFile(const std::string& path) {
    return path.ends_with("Config.cmake") || path.ends_with("-config.cmake");
}

// The items of find_package's result line: "[/usr/lib/libz.so][/usr/include][v1.2.13()]".
std::vector<std::string> bracketItems(const std::string& value) {
    std::vector<std::string> items;
    for (size_t open = value.find('['); open != std::string::npos; open = value.find('[', open + 1)) {
        size_t close = value.find(']', open);
        if (close == std::string::npos)
            break;
        items.push_back(value.substr(open + 1, close - open - 1));
        open = close;
    }
    return items;
}

// The version a package's version file sets (`set(PACKAGE_VERSION "1.12.1")`), beside its config
// file: FooConfig.cmake -> FooConfigVersion.cmake, foo-config.cmake -> foo-config-version.cmake.
std::string configFileVersion(const std::string& configFile) {
    std::string stem = configFile.substr(0, configFile.size() - std::string(".cmake").size());
    static const std::regex set(R"re(set\s*\(\s*PACKAGE_VERSION\s+"?([0-9][^")\s]*)"?\s*\))re",
                                std::regex::icase);
    for (const std::string& candidate : {stem + "Version.cmake", stem + "-version.cmake"}) {
        auto text = foundation::readTextFile(candidate);
        std::smatch m;
        if (text && std::regex_search(*text, m, set))
            return m[1].str();
    }
    return {};
}

class Derivation {
    using CacheEntry = codemodel::CacheEntry;

public:
    explicit Derivation(const CMakeKnowledge& known) : known_(known) {
        for (const auto& entry : known.cache)
            cache_[entry.name] = &entry;
        for (const auto& file : known.listFiles)
            listTexts_.emplace_back(file, foundation::readTextFile(file).value_or(std::string{}));
    }

    std::vector<ResolvedDependency> run() {
        fromResultLines();
        fromConfigFolders();
        fromPkgConfig();
        fromLinkItems();
        std::vector<ResolvedDependency> out;
        for (auto& [name, dep] : packages_) {
            fillFromCache(dep);
            if (dep.location.empty())
                dep.location = findModule(name);
            dep.listFile = callingFile(name);
            out.push_back(std::move(dep));
        }
        return out;
    }

private:
    const CacheEntry* entry(const std::string& name) const {
        auto it = cache_.find(name);
        return it == cache_.end() ? nullptr : it->second;
    }
    std::string value(const std::string& name) const {
        const CacheEntry* e = entry(name);
        return e ? e->value : std::string{};
    }

    ResolvedDependency& package(const std::string& name) {
        auto [it, fresh] = packages_.try_emplace(name);
        if (fresh)
            it->second.name = name;
        return it->second;
    }

    // The package (any case) a name refers to, or nullptr.
    ResolvedDependency* known(const std::string& name) {
        for (auto& [key, dep] : packages_)
            if (foundation::lower(key) == foundation::lower(name))
                return &dep;
        return nullptr;
    }

    void setEvidence(ResolvedDependency& dep, const std::string& path) {
        if (isConfigFile(path) && dep.config.empty())
            dep.config = path;
        else if (!isConfigFile(path) && dep.library.empty())
            dep.library = path;
    }

    // FIND_PACKAGE_MESSAGE_DETAILS_<Name>: written when find_package reports the package found.
    void fromResultLines() {
        const std::string prefix = "FIND_PACKAGE_MESSAGE_DETAILS_";
        for (const auto& e : known_.cache) {
            if (!e.name.starts_with(prefix) || e.name.size() == prefix.size())
                continue;
            ResolvedDependency& dep = package(e.name.substr(prefix.size()));
            dep.found = true;
            static const std::regex versionItem(R"(^v(.*)\((.*)\)$)");
            for (const auto& item : bracketItems(e.value)) {
                std::smatch m;
                if (std::regex_match(item, m, versionItem))
                    dep.version = m[1].str();
                else if (dep.config.empty() && dep.library.empty() && isFile(item))
                    setEvidence(dep, item);
            }
        }
    }

    // <Name>_DIR: the folder find_package found the package's config file in (the user may have set
    // it on the command line: then its help string is not find_package's), or <Name>_DIR-NOTFOUND
    // with find_package's help string (find_path's FOO_INCLUDE_DIR-NOTFOUND is no package).
    void fromConfigFolders() {
        for (const auto& e : known_.cache) {
            if (!e.name.ends_with("_DIR"))
                continue;
            std::string name = e.name.substr(0, e.name.size() - 4);
            if (e.value.ends_with("-NOTFOUND")) {
                if (e.helpString.starts_with("The directory containing a CMake configuration file for"))
                    package(name); // looked for; found only if another source says so
                continue;
            }
            for (const std::string& file :
                 {name + "Config.cmake", foundation::lower(name) + "-config.cmake"}) {
                std::string config = (fs::path(e.value) / file).string();
                if (!isFile(config))
                    continue;
                ResolvedDependency& dep = package(name);
                dep.found = true;
                dep.location = e.value;
                if (dep.config.empty())
                    dep.config = config;
                if (dep.version.empty())
                    dep.version = configFileVersion(config);
                break;
            }
        }
    }

    // <prefix>_FOUND of a pkg-config lookup the project itself makes (Find modules make their own,
    // such as FindCURL's PC_CURL: those are not packages of the project).
    void fromPkgConfig() {
        for (const auto& e : known_.cache) {
            if (!e.name.ends_with("_FOUND") || !isTrue(e.value))
                continue;
            std::string name = e.name.substr(0, e.name.size() - 6);
            if (name.empty() || packages_.contains(name) || callingFile(name).empty())
                continue;
            ResolvedDependency& dep = package(name);
            dep.found = true;
            for (const auto& lib : known_.cache)
                if (lib.name.starts_with("pkgcfg_lib_" + name + "_") && isFile(lib.value)) {
                    dep.library = lib.value;
                    break;
                }
        }
    }

    // The codemodel's link items: which package an absolute library outside the build tree belongs to.
    void fromLinkItems() {
        const std::string buildDir = fs::path(known_.codemodel.buildDir).lexically_normal().string() + "/";
        for (const auto& target : known_.codemodel.targets) {
            for (const auto& edge : target.libraries) {
                bool library = isFile(edge.fragment) && !edge.fragment.starts_with(buildDir);
                std::string owner = edge.package;
                if (owner.empty() && edge.site && edge.site->command == "target_link_libraries")
                    owner = importedNamespace(*edge.site);
                if (owner.empty() || (!library && !known(owner)))
                    continue;
                ResolvedDependency* dep = known(owner);
                if (!dep) {
                    dep = &package(owner);
                    dep->found = true;
                }
                if (library && dep->config.empty() && dep->library.empty())
                    dep->library = edge.fragment;
            }
        }
    }

    // The one package namespace a target_link_libraries call names imported targets of ("GTest" for
    // GTest::gtest_main, "RE2" for PkgConfig::RE2); empty when it names none or several.
    std::string importedNamespace(const codemodel::CallSite& site) {
        auto it = std::find_if(listTexts_.begin(), listTexts_.end(),
                               [&](const auto& l) { return l.first == site.file; });
        if (it == listTexts_.end())
            return {};
        std::set<std::string> namespaces;
        for (const auto& argument : codemodel::callArguments(it->second, site.line, site.command)) {
            size_t colons = argument.find("::");
            if (colons == std::string::npos || argument.find('$') != std::string::npos)
                continue;
            std::string ns = argument.substr(0, colons);
            namespaces.insert(ns == "PkgConfig" ? argument.substr(colons + 2) : ns);
        }
        return namespaces.size() == 1 ? *namespaces.begin() : std::string{};
    }

    void fillFromCache(ResolvedDependency& dep) {
        std::string up = upper(dep.name);
        for (const std::string& key :
             {dep.name + "_VERSION", dep.name + "_VERSION_STRING", up + "_VERSION", up + "_VERSION_STRING"})
            if (dep.version.empty())
                dep.version = value(key);
        for (const std::string& key :
             {dep.name + "_LIBRARY", dep.name + "_LIBRARY_RELEASE", up + "_LIBRARY", up + "_LIBRARY_RELEASE"})
            if (dep.config.empty() && dep.library.empty() && isFile(value(key)))
                dep.library = value(key);
    }

    // The Find module: the project's own (among its CMake files), else CMake's.
    std::string findModule(const std::string& name) const {
        std::string file = "Find" + name + ".cmake";
        for (const auto& [path, text] : listTexts_)
            if (fs::path(path).filename() == file)
                return path;
        std::string root = value("CMAKE_ROOT");
        std::string module = (fs::path(root) / "Modules" / file).string();
        return !root.empty() && isFile(module) ? module : std::string{};
    }

    std::string callingFile(const std::string& name) const {
        for (const auto& [path, text] : listTexts_)
            if (findPackageLine(text, name) != 0)
                return path;
        return {};
    }

    const CMakeKnowledge& known_;
    std::map<std::string, const CacheEntry*> cache_;
    std::vector<std::pair<std::string, std::string>> listTexts_; // path, content
    std::map<std::string, ResolvedDependency> packages_;
};

} // namespace

std::vector<ResolvedDependency> deriveDependencyRecord(const CMakeKnowledge& known) {
    return Derivation(known).run();
}

foundation::Expected<std::vector<ResolvedDependency>> readCMakeDependencyRecord(const std::string& buildDir) {
    auto cache = codemodel::readCache(buildDir);
    if (!cache)
        return std::unexpected(cache.error());
    auto model = codemodel::readCodemodel(buildDir);
    if (!model)
        return std::unexpected(model.error());
    auto listFiles = codemodel::readProjectListFiles(buildDir);
    if (!listFiles)
        return std::unexpected(listFiles.error());
    return deriveDependencyRecord({std::move(*cache), std::move(*model), std::move(*listFiles)});
}

} // namespace devos::dependencies
