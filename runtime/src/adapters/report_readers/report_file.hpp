#pragma once
// Report file helpers shared by the readers of this folder (JUnit, SARIF): one adapter component.
#include <devos/contracts/error.hpp>
#include <devos/foundation/files.hpp>
#include <string>

namespace devos::adapters {

// The whole content of a report file, or a NotFound or Io error naming it.
[[nodiscard]] inline contracts::Expected<std::string> readReportFile(const std::string& path) {
    auto text = foundation::readTextFile(path, "the report file");
    if (!text)
        text.error().hint = "check the path; ctest writes it with --output-junit <file>";
    return text;
}

} // namespace devos::adapters
