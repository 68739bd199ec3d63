#pragma once
// Report file helpers shared by the readers of this folder (JUnit, SARIF): one adapter component.
#include <algorithm>
#include <devos/contracts/error.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace devos::adapters {

// The whole content of a report file, or an Io error naming it.
[[nodiscard]] inline contracts::Expected<std::string> readReportFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return contracts::fail(contracts::ErrorKind::Io, "cannot read the report file", path, 0,
                               "check the path; ctest writes it with --output-junit <file>");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The 1-based line that holds byte `offset` of `text`.
[[nodiscard]] inline unsigned lineAt(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<unsigned>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace devos::adapters
