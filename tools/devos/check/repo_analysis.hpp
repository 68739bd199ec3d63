#pragma once
#include <devos/engine/effect_summary.hpp>
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <memory>
#include <string>
#include <vector>

namespace devos::check {

// What `devos check` and `devos baseline` analyse.
struct AnalysisRequest {
    std::string buildDir;           // holds compile_commands.json
    std::vector<std::string> files; // empty: every file of the database inside the repo
    std::string root;               // empty: found from the database's files
    unsigned jobs = 0;              // 0: one per core
    bool useCache = true;
    bool link = true;       // cross-TU purity over the checked TUs (off for one-TU build edges)
    std::string configFile; // a repo config to use instead of <root>/.devos/devos.yml
};

// Findings of the per-TU checks and the cross-TU link, plus how the run went.
struct Analysis {
    std::string root;
    std::shared_ptr<engine::Policy> policy;
    std::vector<engine::Finding> findings; // sorted, de-duplicated
    std::vector<std::string> notifications;
    std::vector<std::string> failedFiles;
    std::vector<std::string> checkedFiles; // repo-relative main files
    std::vector<engine::EffectSummary> summaries;
    std::vector<std::string> dependencies; // files read by the TUs analysed in this run
    unsigned translationUnits = 0;
    unsigned fromCache = 0;
};

// Loads the policy and the compile database, checks every requested TU, links effect summaries.
// Errors (no database, bad config, a file not in the database) are configuration errors: exit 2.
[[nodiscard]] foundation::Expected<Analysis> analyzeRepo(const AnalysisRequest& request);

} // namespace devos::check
