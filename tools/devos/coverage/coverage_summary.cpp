#include "coverage/coverage_summary.hpp"

#include <nlohmann/json.hpp>

namespace devos::coverage {
namespace {

double percentOf(unsigned long covered, unsigned long total) {
    return total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
}

foundation::Expected<unsigned long> count(const nlohmann::json& object, const char* key,
                                          const std::string& origin) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_unsigned())
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("gcovr's summary has no count '") + key + "'", origin, 0,
                                "run gcovr 5 or later with --json-summary");
    return it->get<unsigned long>();
}

} // namespace

double FileCoverage::percent() const {
    return percentOf(linesCovered, linesTotal);
}
double CoverageSummary::percent() const {
    return percentOf(linesCovered, linesTotal);
}

foundation::Expected<CoverageSummary> parseGcovrSummary(const std::string& json, const std::string& origin) {
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return foundation::fail(foundation::ErrorKind::Invalid, "gcovr's summary is not a JSON object",
                                origin, 0, "run gcovr with --json-summary");
    CoverageSummary summary;
    auto total = count(doc, "line_total", origin);
    auto covered = count(doc, "line_covered", origin);
    if (!total || !covered)
        return std::unexpected(total ? covered.error() : total.error());
    summary.linesTotal = *total;
    summary.linesCovered = *covered;
    const auto files = doc.find("files");
    if (files == doc.end() || !files->is_array())
        return foundation::fail(foundation::ErrorKind::Invalid, "gcovr's summary has no 'files' list", origin,
                                0, "run gcovr with --json-summary");
    for (const auto& file : *files) {
        if (!file.is_object() || !file.contains("filename") || !file["filename"].is_string())
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "gcovr's summary lists a file without a name", origin, 0,
                                    "run gcovr with --json-summary");
        auto fileTotal = count(file, "line_total", origin);
        auto fileCovered = count(file, "line_covered", origin);
        if (!fileTotal || !fileCovered)
            return std::unexpected(fileTotal ? fileCovered.error() : fileTotal.error());
        summary.files.push_back({file["filename"].get<std::string>(), *fileTotal, *fileCovered});
    }
    return summary;
}

} // namespace devos::coverage
