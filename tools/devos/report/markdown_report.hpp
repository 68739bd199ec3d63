#pragma once
// The report as GitHub-flavoured markdown, for agents and pull-request comments: the same counts as
// the HTML page, the gates, findings by rule, the new findings (at most `maxFindings`, with their
// chains), the acceptances and the telemetry trends.
#include "report/report_data.hpp"

#include <cstddef>
#include <string>

namespace devos::report {

[[nodiscard]] std::string renderMarkdown(const ReportData& data, std::size_t maxFindings = 200);

// `text` fit for one markdown table cell or list item: newlines as spaces, | \ ` < > escaped.
[[nodiscard]] std::string markdownText(const std::string& text);

} // namespace devos::report
