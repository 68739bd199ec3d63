#include "sarif_parts.hpp"

#include <algorithm>
#include <devos/foundation/text.hpp>
#include <devos/output/sarif_writer.hpp>

namespace devos::output::sarif {
namespace {

constexpr const char* ellipsis = "\xE2\x80\xA6"; // U+2026, 3 bytes in UTF-8

// GitHub's severity label for a rule that is not a security rule.
const char* problemSeverity(engine::Level level) {
    switch (level) {
    case engine::Level::Error:
        return "error";
    case engine::Level::Warning:
        return "warning";
    case engine::Level::Note:
    case engine::Level::Off:
        return "recommendation";
    }
    return "warning";
}

std::string helpText(const engine::Rule& rule) {
    return rule.summary + "\n\nWhy: " + rule.why + "\n\nInstead: " + rule.instead +
           "\n\nAllowed: " + rule.allowed;
}

} // namespace

std::string truncated(const std::string& text, std::size_t maxBytes) {
    return foundation::truncateUtf8(text, maxBytes, ellipsis);
}

const char* level(engine::Level level) {
    return level == engine::Level::Off ? "none" : engine::levelName(level);
}

Json ruleDescriptor(const engine::Rule& rule, const engine::RuleCatalog& catalog) {
    std::size_t tagCount = std::min(rule.tags.size(), SarifLimits::tagsPerRule);
    Json configuration{{"level", level(rule.level)}};
    if (rule.level == engine::Level::Off)
        configuration["enabled"] = false;
    return Json{{"id", rule.id},
                {"name", truncated(rule.name, SarifLimits::ruleNameBytes)},
                {"shortDescription", {{"text", truncated(rule.summary, SarifLimits::descriptionBytes)}}},
                {"fullDescription", {{"text", truncated(rule.why, SarifLimits::descriptionBytes)}}},
                {"help", {{"text", helpText(rule)}, {"markdown", catalog.helpMarkdown(rule)}}},
                {"defaultConfiguration", std::move(configuration)},
                {"properties",
                 {{"tags", std::vector<std::string>(rule.tags.begin(),
                                                    rule.tags.begin() + static_cast<long>(tagCount))},
                  {"precision", "very-high"},
                  {"problem.severity", problemSeverity(rule.level)}}}};
}

} // namespace devos::output::sarif
