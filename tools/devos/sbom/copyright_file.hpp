#pragma once
#include <map>
#include <string>

namespace devos::sbom {

// What a Debian copyright file (/usr/share/doc/<package>/copyright) says about the package's license.
struct CopyrightLicense {
    std::string expression = "NOASSERTION";          // SPDX expression; NOASSERTION when it cannot tell
    std::map<std::string, std::string> licenseTexts; // each LicenseRef-... in it -> the file's text of it
    bool operator==(const CopyrightLicense&) const = default;
};

// The declared license of a machine-readable (DEP-5) copyright file: the `License:` of its
// `Files: *` paragraph, else of its header, else all its upstream `Files:` paragraphs' licenses
// joined with AND (the packaging's own `Files: debian/*` is not what a consumer links). A file that
// is not DEP-5 (free text) gives NOASSERTION: guessing a license from prose is not a declaration.
[[nodiscard]] CopyrightLicense licenseFromCopyright(const std::string& text);

} // namespace devos::sbom
