// DEP-5 (https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/): paragraphs of
// `Field: value` lines separated by blank lines; a line starting with a space continues the field.
// The first paragraph is the header (Format:, optionally License:); `Files:` paragraphs give the
// license of those files; a paragraph with only `License:` holds a license's text.
#include "sbom/copyright_file.hpp"

#include "sbom/deb822.hpp"
#include "sbom/debian_license.hpp"

#include <algorithm>
#include <cctype>
#include <devos/foundation/text.hpp>
#include <sstream>
#include <vector>

namespace devos::sbom {
namespace {

using Paragraph = Deb822Paragraph;

std::string firstLine(const std::string& value) {
    return std::string(foundation::trim(value.substr(0, value.find('\n'))));
}

bool isMachineReadable(const std::vector<Paragraph>& ps) {
    if (ps.empty() || !ps[0].contains("format"))
        return false;
    std::string format = foundation::lower(ps[0].at("format"));
    return format.find("copyright-format") != std::string::npos || format.find("dep5") != std::string::npos ||
           format.find("dep-5") != std::string::npos;
}

bool coversEverything(const std::string& files) {
    std::istringstream words(files);
    for (std::string word; words >> word;)
        if (word == "*")
            return true;
    return false;
}

// The Debian expression of the package as a whole (see the header); empty when there is none.
std::string declaredLicense(const std::vector<Paragraph>& ps) {
    for (const auto& p : ps)
        if (p.contains("files") && p.contains("license") && coversEverything(p.at("files")))
            return firstLine(p.at("license"));
    if (ps[0].contains("license") && !firstLine(ps[0].at("license")).empty())
        return firstLine(ps[0].at("license"));
    std::vector<std::string> upstream;
    for (const auto& p : ps) {
        if (!p.contains("files") || !p.contains("license") || p.at("files").rfind("debian/", 0) == 0)
            continue;
        std::string license = firstLine(p.at("license"));
        if (std::find(upstream.begin(), upstream.end(), license) == upstream.end())
            upstream.push_back(license);
    }
    std::string joined;
    for (const auto& license : upstream)
        joined += (joined.empty() ? "" : " and ") + license;
    return joined;
}

} // namespace

CopyrightLicense licenseFromCopyright(const std::string& text) {
    CopyrightLicense out;
    auto ps = readDeb822(text);
    if (!isMachineReadable(ps))
        return out;
    std::string declared = declaredLicense(ps);
    if (declared.empty())
        return out;
    out.expression = spdxFromDebian(declared);

    // The text of each LicenseRef: the body of a License field with that short name.
    std::map<std::string, std::string> texts;
    for (const auto& p : ps) {
        auto it = p.find("license");
        if (it == p.end() || it->second.find('\n') == std::string::npos)
            continue;
        texts.emplace(licenseRef(firstLine(it->second)),
                      std::string(foundation::trim(it->second.substr(it->second.find('\n') + 1))));
    }
    std::istringstream words(out.expression);
    for (std::string word; words >> word;)
        if (word.rfind("LicenseRef-", 0) == 0)
            out.licenseTexts[word] = texts.contains(word) ? texts.at(word) : std::string{};
    return out;
}

} // namespace devos::sbom
