#pragma once
// `devos heal fixes`: the fix memory of a repository's telemetry (fixes learned at ingest and accepted
// proposals), newest first. The command maps options to a request and prints the list.
#include <devos/contracts/recorded_fix.hpp>
#include <devos/foundation/error.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::heal {

// Whose fixes, and of which pattern.
struct FixListRequest {
    std::string repoRoot;               // its .devos/telemetry.db is the default store
    std::optional<std::string> db;      // --db
    std::optional<std::string> pattern; // --pattern: one pattern id's fixes
};

// The fixes (at most 1000) and the store they came from.
struct FixList {
    std::string storeName;
    std::vector<contracts::RecordedFix> fixes;
};

// Errors: the telemetry's (naming the option or variable) or the store's.
[[nodiscard]] foundation::Expected<FixList> listFixes(const FixListRequest& request);

// {"store", "fixes": [{id, ts, source, suite, test, pattern_id, failure_id, failing_run_id,
// fixing_run_id, failing_commit, fixing_commit, proposal_id, diff, diff_truncated}]}
[[nodiscard]] nlohmann::json fixListJson(const FixList& list);

// "<n> recorded fixes in <store>", then one line per fix.
[[nodiscard]] std::string fixListText(const FixList& list);

} // namespace devos::heal
