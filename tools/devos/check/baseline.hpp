#pragma once
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::check {

// One accepted finding, identified without line numbers (rule, file, subject), so moving code does
// not invalidate it.
struct BaselineEntry {
    std::string fingerprint;
    std::string rule;
    std::string file;
    std::string subject;
    std::string message; // for humans reviewing the file
};

// The ratcheting baseline (.devos/baseline.json): findings it lists are reported as baselined and
// never fail; entries that match nothing are stale and do fail, so the file can only shrink.
class Baseline {
public:
    [[nodiscard]] static foundation::Expected<Baseline> load(const std::string& path);
    // Every error and warning of `findings` as entries.
    [[nodiscard]] static Baseline fromFindings(const std::vector<engine::Finding>& findings);
    [[nodiscard]] foundation::Expected<void> save(const std::string& path) const;

    // Marks matching findings as baselined; returns a baseline.stale finding for each entry that
    // matched none (located at its line in `path`, at the policy's level of baseline.stale).
    std::vector<engine::Finding> apply(std::vector<engine::Finding>& findings, const std::string& path,
                                       const engine::Policy& policy) const;
    // Drops the entries that no finding matches any more (fixed); returns how many were dropped.
    size_t dropFixed(const std::vector<engine::Finding>& findings);
    [[nodiscard]] const std::vector<BaselineEntry>& entries() const { return entries_; }

private:
    std::vector<BaselineEntry> entries_;
};

// The baseline file a repo uses: `path` when given, else <root>/.devos/baseline.json (which may not exist).
[[nodiscard]] std::string baselinePath(const std::string& root, const std::optional<std::string>& path);

// Applies the repo's baseline to `findings`: marks the matching ones baselined and adds a
// baseline.stale finding per entry that matched none, then sorts. A no-op when no `path` is given
// and <root>/.devos/baseline.json does not exist; an error for an unreadable or malformed file.
[[nodiscard]] foundation::Expected<void> applyRepoBaseline(std::vector<engine::Finding>& findings,
                                                           const engine::Policy& policy,
                                                           const std::string& root,
                                                           const std::optional<std::string>& path);

} // namespace devos::check
