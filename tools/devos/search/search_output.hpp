#pragma once
// How `devos search` prints its outcomes: text for people, JSON for tools.
#include "search/incident_search_use_case.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace devos::search {

// The lines for stderr before the result: the backfill's note and why the vector file was not used.
[[nodiscard]] std::vector<std::string> searchNotes(const SearchOutcome& outcome);

// model, backend, searched, k, threshold, elapsed_ms, vectors and hits (kind "test_failure": suite,
// test; kind "lint_failure": tool, rule, level, column; both: score, ids, file, line, message, run,
// branch, commit).
[[nodiscard]] nlohmann::json searchJson(const SearchOutcome& outcome);

// "<n> similar incidents among <m> failures of <model> on <backend>  (<ms> ms)", then three lines per hit.
[[nodiscard]] std::string searchText(const SearchOutcome& outcome);

// model, embedded, batches, elapsed_ms.
[[nodiscard]] nlohmann::json reindexJson(const ReindexOutcome& outcome);

// "embedded <n> stored failures with <model> in <b> batches  (<ms> ms)".
[[nodiscard]] std::string reindexText(const ReindexOutcome& outcome);

} // namespace devos::search
