// DEP-5 (https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/): paragraphs of
// `Field: value` lines separated by blank lines; a line starting with a space continues the field.
// The first paragraph is the header (Format:, optionally License:); `Files:` paragraphs give the
// license of those files; a paragraph with only `License:` holds a license's text.
#include "sbom/copyright_file.hpp"

#include "sbom/debian_license.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace devos::sbom {
namespace {

using Paragraph = std::map<std::string, std::string>; // lower-case field name -> value (lines joined by '\n')

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

std::vector<Paragraph> paragraphs(const std::string& text) {
    std::vector<Paragraph> out(1);
    std::string field;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (trim(line).empty()) {
            if (!out.back().empty())
                out.emplace_back();
            field.clear();
        } else if (line[0] == ' ' || line[0] == '\t') {
            if (!field.empty())
                out.back()[field] += "\n" + trim(line);
        } else if (size_t colon = line.find(':'); colon != std::string::npos) {
            field = lower(trim(line.substr(0, colon)));
            out.back()[field] = trim(line.substr(colon + 1));
        }
    }
    if (out.back().empty())
        out.pop_back();
    return out;
}

std::string firstLine(const std::string& value) {
    return trim(value.substr(0, value.find('\n')));
}

bool isMachineReadable(const std::vector<Paragraph>& ps) {
    if (ps.empty() || !ps[0].contains("format"))
        return false;
    std::string format = lower(ps[0].at("format"));
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
    auto ps = paragraphs(text);
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
        texts.emplace(licenseRef(firstLine(it->second)), trim(it->second.substr(it->second.find('\n') + 1)));
    }
    std::istringstream words(out.expression);
    for (std::string word; words >> word;)
        if (word.rfind("LicenseRef-", 0) == 0)
            out.licenseTexts[word] = texts.contains(word) ? texts.at(word) : std::string{};
    return out;
}

} // namespace devos::sbom
