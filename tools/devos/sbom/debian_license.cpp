// Debian's short license names (https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
// #license-short-name) to SPDX ids. A name Debian leaves open ("GPL-2") is the "-only" id, a name
// with '+' the "-or-later" id. Commas in a DEP-5 expression only group; they are dropped.
#include "sbom/debian_license.hpp"

#include <algorithm>
#include <cctype>
#include <devos/foundation/text.hpp>
#include <map>
#include <sstream>
#include <vector>

namespace devos::sbom {
namespace {

// Lower-case Debian name -> SPDX id, for the names that are not a GNU family (handled below).
const std::map<std::string, std::string>& namedIds() {
    static const std::map<std::string, std::string> ids = {
        {"apache-1.0", "Apache-1.0"},
        {"apache-1.1", "Apache-1.1"},
        {"apache-2", "Apache-2.0"},
        {"apache-2.0", "Apache-2.0"},
        {"artistic", "Artistic-1.0"},
        {"artistic-1.0", "Artistic-1.0"},
        {"artistic-2.0", "Artistic-2.0"},
        {"bsd-2-clause", "BSD-2-Clause"},
        {"bsd-3-clause", "BSD-3-Clause"},
        {"bsd-4-clause", "BSD-4-Clause"},
        {"bsd-c3", "BSD-3-Clause"}, // googletest's own name for BSD-3-Clause
        {"bsl-1.0", "BSL-1.0"},
        {"boost-1.0", "BSL-1.0"},
        {"cc0", "CC0-1.0"},
        {"cc0-1.0", "CC0-1.0"},
        {"cc-by-3.0", "CC-BY-3.0"},
        {"cc-by-4.0", "CC-BY-4.0"},
        {"cc-by-sa-3.0", "CC-BY-SA-3.0"},
        {"cc-by-sa-4.0", "CC-BY-SA-4.0"},
        {"curl", "curl"},
        {"epl-1.0", "EPL-1.0"},
        {"epl-2.0", "EPL-2.0"},
        {"expat", "MIT"},
        {"mit", "MIT"},
        {"isc", "ISC"},
        {"mpl-1.1", "MPL-1.1"},
        {"mpl-2.0", "MPL-2.0"},
        {"openssl", "OpenSSL"},
        {"psf-2", "PSF-2.0"},
        {"python-2.0", "Python-2.0"},
        {"unicode-dfs-2016", "Unicode-DFS-2016"},
        {"x11", "X11"},
        {"zlib", "Zlib"},
        {"zpl-2.1", "ZPL-2.1"},
        {"unlicense", "Unlicense"},
        {"wtfpl", "WTFPL"},
        {"ftl", "FTL"},
        {"ofl-1.1", "OFL-1.1"},
        {"llvm-exception", "LLVM-exception"},
    };
    return ids;
}

// GPL-2+, LGPL-2.1, AGPL-3+, GFDL-1.3+ ... -> GPL-2.0-or-later, LGPL-2.1-only, ...
std::string gnuId(const std::string& name) {
    static const char* families[] = {"agpl", "lgpl", "gpl", "gfdl"};
    std::string low = foundation::lower(name);
    for (const char* family : families) {
        std::string prefix = std::string(family) + "-";
        if (low.rfind(prefix, 0) != 0)
            continue;
        std::string version = low.substr(prefix.size());
        bool later = !version.empty() && version.back() == '+';
        if (later)
            version.pop_back();
        if (version.empty() || !std::all_of(version.begin(), version.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
            }))
            return {};
        if (version.find('.') == std::string::npos)
            version += ".0";
        std::string id = prefix.substr(0, prefix.size() - 1);
        std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::toupper(c); });
        return id + "-" + version + (later ? "-or-later" : "-only");
    }
    return {};
}

// "Bison exception" -> Bison-exception-2.2; empty when SPDX has no id for it.
std::string exceptionId(const std::string& name) {
    static const std::map<std::string, std::string> ids = {
        {"bison", "Bison-exception-2.2"},
        {"autoconf", "Autoconf-exception-2.0"},
        {"gcc", "GCC-exception-3.1"},
        {"gcc-3.1", "GCC-exception-3.1"},
        {"classpath", "Classpath-exception-2.0"},
        {"libtool", "Libtool-exception"},
        {"font", "Font-exception-2.0"},
        {"llvm", "LLVM-exception"},
    };
    auto it = ids.find(foundation::lower(name));
    return it == ids.end() ? std::string{} : it->second;
}

std::string licenseId(const std::string& name) {
    if (auto gnu = gnuId(name); !gnu.empty())
        return gnu;
    auto it = namedIds().find(foundation::lower(name));
    return it == namedIds().end() ? licenseRef(name) : it->second;
}

} // namespace

std::string licenseRef(const std::string& name) {
    std::string out = "LicenseRef-";
    for (char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '-';
    return out;
}

std::string spdxFromDebian(const std::string& debianLicense) {
    std::string firstLine = debianLicense.substr(0, debianLicense.find('\n'));
    std::replace(firstLine.begin(), firstLine.end(), ',', ' ');
    std::istringstream words(firstLine);
    std::vector<std::string> tokens;
    for (std::string word; words >> word;)
        tokens.push_back(word);

    std::string out;
    for (size_t i = 0; i < tokens.size(); ++i) {
        std::string low = foundation::lower(tokens[i]);
        if (low == "or" || low == "and") {
            out += " " + std::string(low == "or" ? "OR" : "AND") + " ";
            continue;
        }
        // "<name> with <words> exception": WITH <exception id>, or one LicenseRef for the whole term.
        size_t end = i + 1;
        if (end < tokens.size() && foundation::lower(tokens[end]) == "with") {
            size_t last = end + 1;
            while (last < tokens.size() && foundation::lower(tokens[last]) != "exception")
                ++last;
            std::string words;
            for (size_t k = end + 1; k < last; ++k)
                words += (words.empty() ? "" : "-") + tokens[k];
            std::string exception = exceptionId(words);
            if (!exception.empty() && licenseId(tokens[i]).rfind("LicenseRef-", 0) != 0) {
                out += licenseId(tokens[i]) + " WITH " + exception;
            } else {
                std::string whole = tokens[i];
                for (size_t k = end; k <= last && k < tokens.size(); ++k)
                    whole += "-" + tokens[k];
                out += licenseRef(whole);
            }
            i = last;
            continue;
        }
        out += licenseId(tokens[i]);
    }
    return out;
}

} // namespace devos::sbom
