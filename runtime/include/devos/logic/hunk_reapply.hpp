#pragma once
#include <devos/contracts/self_heal_outcome.hpp>
#include <devos/logic/search_replace.hpp>
#include <devos/logic/unified_diff.hpp>
#include <expected>
#include <string>
#include <string_view>

namespace devos::logic {

// A recorded patch re-applied to today's file, and how far today's file had drifted.
struct Reapplied {
    std::string after;
    int maxShift = 0; // the largest distance, in lines, between a hunk's line and where it applied
    bool whitespaceDiffered = false; // some matched line differs from the patch only in whitespace
    int contextMismatches = 0; // context lines of the patch not found beside the change (renamed neighbours)
};

// Re-applies every hunk of `patch` (a fix recorded earlier) to `today`, placing each change by its
// content, not its line numbers: the removed lines must all match (whitespace ignored) and at least
// half of the context lines around them; the best-scoring place must be unique. Added lines take
// today's indentation. Refuses (a Rejection) a new, deleted or binary file (playbook.file-kind), a
// change whose lines are not all there (playbook.no-match), whose fix is already in place
// (playbook.already-applied), that fits two places equally well (playbook.ambiguous), or that
// writes a name today's file no longer has (playbook.renamed); never applies part of a patch.
[[nodiscard]] std::expected<Reapplied, contracts::Rejection> reapplyFilePatch(const FilePatch& patch,
                                                                              std::string_view today);

// One search/replace block that turns `before` into `after`: SEARCH spans every changed line and
// grows by whole lines until it occurs exactly once in `before`. Requires before != after.
[[nodiscard]] SearchReplaceBlock coveringBlock(const std::string& path, std::string_view before,
                                               std::string_view after);

} // namespace devos::logic
