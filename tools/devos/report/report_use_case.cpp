#include "report/report_use_case.hpp"

#include "report/html_report.hpp"
#include "report/markdown_report.hpp"

#include <devos/foundation/files.hpp>

namespace devos::report {

foundation::Expected<ReportOutcome> makeReport(const ReportRequest& request) {
    if (request.format != "html" && request.format != "md")
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "unknown report format '" + request.format + "'", "", 0,
                                "use --format html or --format md");
    auto data = readBuildInputs(request.inputs);
    if (!data)
        return std::unexpected(data.error());
    TelemetrySource source = request.telemetry;
    if (source.repoRoot.empty())
        source.repoRoot = repoRootOf(request.inputs);
    auto telemetry = readTelemetry(source);
    if (!telemetry)
        return std::unexpected(telemetry.error());
    data->telemetry = std::move(*telemetry);
    data->generatedFor =
        request.caption.empty() ? "Build folder " + request.inputs.buildDir : request.caption;
    ReportOutcome outcome;
    outcome.counts = countFindings(data->findings);
    outcome.gates = data->gates.size();
    outcome.telemetry = data->telemetry.present;
    std::string text = request.format == "md" ? renderMarkdown(*data) : renderHtml(*data);
    if (!request.output) {
        outcome.text = std::move(text);
        return outcome;
    }
    auto written = foundation::writeFileAtomically(
        *request.output, text, {.folders = foundation::MissingFolders::Create, .what = "the report"});
    if (!written)
        return std::unexpected(written.error());
    outcome.writtenTo = *request.output;
    return outcome;
}

} // namespace devos::report
