#pragma once
// Building blocks of the SARIF writer, private to this library.
#include <cstddef>
#include <devos/engine/finding.hpp>
#include <devos/engine/rule_catalog.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace devos::output::sarif {

using Json = nlohmann::ordered_json;

// The uriBaseId of the repository root, which GitHub resolves to its checkout.
inline constexpr const char* srcRootId = "%SRCROOT%";

// `text` cut to at most `maxBytes` bytes at a UTF-8 boundary, ending with "…" when it was cut.
[[nodiscard]] std::string truncated(const std::string& text, std::size_t maxBytes);

// SARIF's level for a finding or rule level ("none" for off).
[[nodiscard]] const char* level(engine::Level level);

// The percent-encoded file:// URI of an absolute directory, with a trailing slash.
[[nodiscard]] std::string directoryUri(const std::string& absoluteDir);

// An artifactLocation: a repo-relative path under %SRCROOT%, or a file:// URI for a file outside the repo.
[[nodiscard]] Json artifactLocation(const std::string& file, const std::string& repoRoot);

// A physicalLocation for [at, end); the region is left out when the line is unknown (0), and a range
// that is empty or runs backwards becomes one column wide.
[[nodiscard]] Json physicalLocation(const engine::SourcePoint& at, const engine::SourcePoint& end,
                                    const std::string& repoRoot);

// The `fix` that applies all of a finding's fix-its; `description` says what it does.
[[nodiscard]] Json fix(const std::vector<engine::FixIt>& fixIts, const std::string& description,
                       const std::string& repoRoot);

// The reportingDescriptor of one rule.
[[nodiscard]] Json ruleDescriptor(const engine::Rule& rule, const engine::RuleCatalog& catalog);

// The result for one finding; `lineHash` is its primaryLocationLineHash, empty when unknown.
[[nodiscard]] Json result(const engine::Finding& finding, const engine::RuleCatalog* catalog,
                          const std::string& lineHash, const std::string& repoRoot);

} // namespace devos::output::sarif
