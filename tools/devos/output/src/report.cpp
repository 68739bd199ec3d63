#include <devos/output/report.hpp>

namespace devos::output {

Summary summarize(const Report& report) {
    Summary summary;
    for (const auto& finding : report.findings) {
        if (finding.baselined)
            ++summary.baselined;
        else if (finding.level == engine::Level::Error)
            ++summary.errors;
        else if (finding.level == engine::Level::Warning)
            ++summary.warnings;
        else if (finding.level == engine::Level::Note)
            ++summary.notes;
    }
    return summary;
}

std::string pointText(const engine::SourcePoint& point) {
    std::string text = point.file;
    if (point.line == 0)
        return text;
    text += ":" + std::to_string(point.line);
    if (point.column != 0)
        text += ":" + std::to_string(point.column);
    return text;
}

} // namespace devos::output
