#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>

namespace devos::sbom {

// An installed Debian package.
struct DebianPackage {
    std::string name;    // "zlib1g-dev"
    std::string version; // "1:1.2.13.dfsg-1"
    std::string arch;    // "amd64", "all"
    bool operator==(const DebianPackage&) const = default;

    // pkg:deb/debian/<name>@<version>?arch=<arch> (https://github.com/package-url/purl-spec).
    [[nodiscard]] std::string purl() const;
};

// Which installed Debian package owns a file: dpkg's own record (<admin>/info/<pkg>[:<arch>].list,
// one path a line; <admin>/status for versions), read once.
class DpkgDatabase {
public:
    // Reads <adminDir>/status and every <adminDir>/info/*.list; empty (owns nothing) when there is
    // no dpkg, e.g. on another distribution. With `only`, remembers the owners of those paths alone
    // (a system lists ~100k paths; an SBOM asks about a few).
    [[nodiscard]] static DpkgDatabase load(const std::string& adminDir = "/var/lib/dpkg",
                                           const std::set<std::string>* only = nullptr);

    // Adds the installed packages of a dpkg status file's text.
    void addStatus(const std::string& statusText);
    // Adds the files of one package; `listName` is the list file's name without ".list" ("zlib1g-dev:amd64").
    void addFileList(const std::string& listName, const std::string& listText,
                     const std::set<std::string>* only = nullptr);
    // The package that owns `path` (as given, then with symlinks resolved by `canonicalPath`), if any.
    [[nodiscard]] std::optional<DebianPackage> owner(const std::string& path,
                                                     const std::string& canonicalPath = {}) const;

private:
    std::map<std::string, DebianPackage> installed_; // "name:arch" and "name" -> package
    std::map<std::string, std::string> owners_;      // path -> "name:arch" or "name"
};

} // namespace devos::sbom
