#pragma once
#include <cstddef>
#include <devos/engine/finding.hpp>
#include <devos/engine/rule_catalog.hpp>
#include <map>
#include <string>
#include <vector>

namespace devos::output {

// One run's findings and the context every writer needs to render them.
struct Report {
    std::vector<engine::Finding> findings;        // already sorted and deduplicated
    const engine::RuleCatalog* catalog = nullptr; // rule metadata; null renders no rule descriptions
    std::string repoRoot;                         // absolute; source lines for fingerprints, SARIF base URI
    std::string toolVersion = "1.0.0";
    std::string informationUri = "https://github.com/devos-tools/devos"; // SARIF tool.driver.informationUri
    std::string automationId;                   // SARIF runAutomationDetails.id, "category/run-id"
    std::vector<std::string> toolNotifications; // problems of the run itself, e.g. a dropped compile flag
    std::map<std::string, std::string>
        runProperties; // SARIF run.properties to add, e.g. where the input came from
};

// Findings counted by level; a baselined finding counts only as baselined.
struct Summary {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t notes = 0;
    std::size_t baselined = 0;
};

// Counts the report's findings.
[[nodiscard]] Summary summarize(const Report& report);

// "file:line:col", leaving out a line or column that is 0 (unknown), as compilers do.
[[nodiscard]] std::string pointText(const engine::SourcePoint& point);

} // namespace devos::output
