#pragma once
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::check {

// What `devos link` merges: effect summaries named directly or through objects lists.
struct SummaryLinkRequest {
    std::vector<std::string> summaryFiles{}; // <object>.devos.json files
    std::vector<std::string> objectLists{};  // files of one object path per line; <object>.devos.json each
    std::string root{};                      // repo root; "" finds it from the current directory
    std::string configFile{};                // a repo config instead of <root>/.devos/devos.yml; "" for none
};

// Every TU's findings once plus what only the whole program shows, sorted and deduplicated.
struct SummaryLinkOutcome {
    engine::Policy policy{};
    std::string root{};
    std::vector<engine::Finding> findings{}; // the TUs' findings, purity.transitive, purity.unknown-effect
    std::vector<std::string>
        missingSummaries;   // "<object> (no effect summary: ...)" for each C++ object without one
    unsigned summaries = 0; // how many summaries were linked
};

// Reads the summaries and links them. An unreadable objects list or summary, a summary that is not
// valid, a --root that is not a folder or a bad repo config is an error naming the file.
[[nodiscard]] foundation::Expected<SummaryLinkOutcome> linkSummaries(const SummaryLinkRequest& request);

} // namespace devos::check
