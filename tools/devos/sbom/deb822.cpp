// deb822 (man 5 deb822): `Field: value` lines, paragraphs separated by blank lines (whitespace
// only counts as blank), a line starting with a space or tab continues the field above it.
#include "sbom/deb822.hpp"

#include <devos/foundation/text.hpp>

namespace devos::sbom {

std::vector<Deb822Paragraph> readDeb822(std::string_view text, const std::set<std::string>* only) {
    std::vector<Deb822Paragraph> out(1);
    std::string* field = nullptr; // the value continuation lines extend; null when skipped
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (foundation::trim(line).empty()) {
            if (!out.back().empty())
                out.emplace_back();
            field = nullptr;
        } else if (line[0] == ' ' || line[0] == '\t') {
            if (field)
                *field += "\n" + std::string(foundation::trim(line));
        } else if (std::size_t colon = line.find(':'); colon != std::string_view::npos) {
            std::string name = foundation::lower(foundation::trim(line.substr(0, colon)));
            field = nullptr;
            if (!only || only->contains(name)) {
                field = &out.back()[name];
                *field = foundation::trim(line.substr(colon + 1));
            }
        }
    }
    if (out.back().empty())
        out.pop_back();
    return out;
}

} // namespace devos::sbom
