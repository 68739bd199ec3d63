#include "sbom/dpkg_database.hpp"

#include "sbom/deb822.hpp"

#include <devos/foundation/files.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>
#include <sstream>

namespace devos::sbom {

std::string DebianPackage::purl() const {
    // A purl version may not hold '+' verbatim; ':' (an epoch) may stay.
    return "pkg:deb/debian/" + foundation::percentEncode(name, ":") + "@" +
           foundation::percentEncode(version, ":") + (arch.empty() ? "" : "?arch=" + arch);
}

DpkgDatabase DpkgDatabase::load(const std::string& adminDir, const std::set<std::string>* only) {
    namespace fs = std::filesystem;
    DpkgDatabase db;
    db.addStatus(foundation::readTextFile(adminDir + "/status").value_or(std::string{}));
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(adminDir) / "info", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".list")
            db.addFileList(it->path().stem().string(),
                           foundation::readTextFile(it->path().string()).value_or(""), only);
    return db;
}

void DpkgDatabase::addStatus(const std::string& statusText) {
    static const std::set<std::string> fields{"package", "version", "architecture", "status"};
    for (auto& p : readDeb822(statusText, &fields)) {
        DebianPackage package{p["package"], p["version"], p["architecture"]};
        if (package.name.empty() || !p["status"].ends_with(" installed"))
            continue;
        installed_[package.name + ":" + package.arch] = package;
        installed_.try_emplace(package.name, package);
    }
}

void DpkgDatabase::addFileList(const std::string& listName, const std::string& listText,
                               const std::set<std::string>* only) {
    std::istringstream in(listText);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && (!only || only->contains(line)))
            owners_[line] = listName; // a directory is in many lists: only files are asked for
}

std::optional<DebianPackage> DpkgDatabase::owner(const std::string& path,
                                                 const std::string& canonicalPath) const {
    for (const std::string* p : {&path, &canonicalPath}) {
        auto owner = owners_.find(*p);
        if (p->empty() || owner == owners_.end())
            continue;
        if (auto it = installed_.find(owner->second); it != installed_.end())
            return it->second;
        std::string name = owner->second.substr(0, owner->second.find(':'));
        if (auto it = installed_.find(name); it != installed_.end())
            return it->second;
        return DebianPackage{name, "", ""}; // listed but not in the status file
    }
    return std::nullopt;
}

} // namespace devos::sbom
