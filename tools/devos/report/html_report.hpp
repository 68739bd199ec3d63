#pragma once
// The report as one self-contained HTML page: inline CSS, inline SVG, the findings as JSON in a
// <script type="application/json"> and a small inline script that sorts, filters and pages them
// (200 rows at a time, so 10k findings stay fast). No external request, no timestamp: the same data
// gives the same bytes.
#include "report/report_data.hpp"

#include <string>

namespace devos::report {

// The page; every text from findings, rules, gates and telemetry is escaped.
[[nodiscard]] std::string renderHtml(const ReportData& data);

} // namespace devos::report
