#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace devos::sbom {

// One paragraph of a deb822 file (dpkg's status database, a DEP-5 copyright file): lower-case field
// name -> value, its continuation lines joined by '\n', each line trimmed.
using Deb822Paragraph = std::map<std::string, std::string>;

// The paragraphs of `text` (separated by blank lines) in order; with `only`, just those fields
// (lower-case names). A line without ':' outside a field is ignored.
[[nodiscard]] std::vector<Deb822Paragraph> readDeb822(std::string_view text,
                                                      const std::set<std::string>* only = nullptr);

} // namespace devos::sbom
