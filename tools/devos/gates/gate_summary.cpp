#include "gates/gate_summary.hpp"

#include "gates/gate_report.hpp"
#include "gates/gate_result.hpp"
#include "report/report_use_case.hpp"

#include <algorithm>
#include <devos/foundation/files.hpp>
#include <filesystem>

namespace devos::gates {

foundation::Expected<GateSummaryOutcome> summarizeGates(const GateSummaryRequest& request) {
    std::vector<GateResult> results;
    for (const auto& path : request.resultFiles) {
        auto result = readGateResult(path);
        if (!result)
            return std::unexpected(result.error());
        results.push_back(std::move(*result));
    }
    auto rows = foldResults(results);
    GateSummaryOutcome outcome;
    outcome.table = renderTable(request.title, rows);
    // Every file is checked: a report that was not written must not leave a stamp saying it passed.
    auto write = [&](const std::string& path, const std::string& text, std::string_view what) {
        auto written = foundation::writeFileAtomically(
            path, text, {.folders = foundation::MissingFolders::Create, .what = what});
        if (!written)
            outcome.failure = written.error();
        return static_cast<bool>(written);
    };
    auto stop = [&] {
        std::error_code ec;
        std::filesystem::remove(request.stamp, ec);
        return outcome;
    };
    if (request.sarif) {
        if (!write(*request.sarif, mergeSarif(rows), "the merged SARIF"))
            return stop();
        outcome.written.emplace_back("SARIF", *request.sarif);
    }
    if (request.junit) {
        if (!write(*request.junit, renderJunit("devos-" + request.title, rows), "the JUnit report"))
            return stop();
        outcome.written.emplace_back("JUnit", *request.junit);
    }
    if (request.page) {
        report::ReportRequest page;
        page.inputs = {request.buildDir, request.sarif, std::nullopt, request.resultFiles};
        page.output = *request.page;
        page.caption = request.title + ", build folder " + request.buildDir;
        if (auto made = report::makeReport(page); !made) {
            outcome.failure = made.error();
            return stop();
        }
        outcome.written.emplace_back("report", *request.page);
    }
    if (std::any_of(rows.begin(), rows.end(), isFailure))
        return stop();
    if (!write(request.stamp, "passed\n", "the stamp"))
        return stop();
    outcome.passed = true;
    return outcome;
}

} // namespace devos::gates
