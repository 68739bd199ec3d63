#include "sbom/dpkg_database.hpp"

#include <cctype>
#include <devos/engine/text_file.hpp>
#include <filesystem>
#include <sstream>

namespace devos::sbom {
namespace {

// Percent-encodes what a purl version may not hold verbatim ('+' and anything outside [A-Za-z0-9.-_~:]).
std::string purlEncode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

std::string DebianPackage::purl() const {
    return "pkg:deb/debian/" + purlEncode(name) + "@" + purlEncode(version) +
           (arch.empty() ? "" : "?arch=" + arch);
}

DpkgDatabase DpkgDatabase::load(const std::string& adminDir, const std::set<std::string>* only) {
    namespace fs = std::filesystem;
    DpkgDatabase db;
    db.addStatus(engine::readTextFile(adminDir + "/status").value_or(std::string{}));
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(adminDir) / "info", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".list")
            db.addFileList(it->path().stem().string(), engine::readTextFile(it->path().string()).value_or(""),
                           only);
    return db;
}

void DpkgDatabase::addStatus(const std::string& statusText) {
    DebianPackage package;
    bool installed = false;
    auto finish = [&] {
        if (!package.name.empty() && installed) {
            installed_[package.name + ":" + package.arch] = package;
            installed_.try_emplace(package.name, package);
        }
        package = {};
        installed = false;
    };
    std::istringstream in(statusText);
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) {
            finish();
        } else if (line.rfind("Package: ", 0) == 0) {
            package.name = line.substr(9);
        } else if (line.rfind("Version: ", 0) == 0) {
            package.version = line.substr(9);
        } else if (line.rfind("Architecture: ", 0) == 0) {
            package.arch = line.substr(14);
        } else if (line.rfind("Status: ", 0) == 0) {
            installed = line.ends_with(" installed");
        }
    }
    finish();
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
