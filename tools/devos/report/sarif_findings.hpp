#pragma once
// The findings of a DevOS SARIF log (the merged build/devos/{fast,full}.sarif or one `devos check`
// log) as report entries, and its rules' why / instead / allowed.
#include "report/report_data.hpp"

#include <devos/foundation/error.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace devos::report {

// The results and rule texts of every run of a SARIF log.
struct SarifContent {
    std::vector<FindingEntry> findings; // state New, in log order
    std::vector<RuleText> rules;        // sorted by id, one per id
};

// Reads `log` (parsed from `origin`, named in errors): Invalid when it is not a SARIF log (no 'runs'
// list, a run without results list, a result without ruleId or message), so a broken file never reads
// as "no findings". A run's gate is the middle of its automationDetails.id ("devos/layering/").
[[nodiscard]] foundation::Expected<SarifContent> readSarif(const nlohmann::json& log,
                                                           const std::string& origin);

// The Why / Instead / Allowed paragraphs of a DevOS rule's help text ("summary\n\nWhy: ...").
[[nodiscard]] RuleText ruleTextFromHelp(const std::string& id, const std::string& helpText);

} // namespace devos::report
