#pragma once
#include <devos/contracts/agent_request.hpp>
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// One edit of an agent's answer: in `path`, the lines `search` (found exactly once) become `replace`.
struct SearchReplaceBlock {
    std::string path;
    std::string search;  // whole lines, each ending in '\n'
    std::string replace; // whole lines, each ending in '\n'; may be empty (the lines are deleted)
    unsigned line = 0;   // the answer line of the path, for messages

    bool operator==(const SearchReplaceBlock&) const = default;
};

// Parses an answer made only of blocks (issue 11's format):
//   path/relative/to/repo.cpp
//   <<<<<<< SEARCH
//   lines as they are now
//   =======
//   lines as they should be
//   >>>>>>> REPLACE
// Blank lines between blocks and ``` fence lines around them are allowed; anything else, a
// missing marker, an empty SEARCH or no block at all is a Rejection (rule answer.format) naming
// the answer line.
[[nodiscard]] std::expected<std::vector<SearchReplaceBlock>, contracts::Rejection>
parseSearchReplace(std::string_view answer);

// Applies the blocks in order to the files they name (`files`: the current content of every file a
// block names). A SEARCH text that is not found exactly once (by whole lines) is a Rejection
// (answer.search-not-found / answer.search-ambiguous); a file that is not in `files` is
// answer.unknown-file. One CodeDiff per file, in the order files are first named.
[[nodiscard]] std::expected<std::vector<contracts::CodeDiff>, contracts::Rejection>
applySearchReplace(std::span<const SearchReplaceBlock> blocks, std::span<const contracts::SourceFile> files);

// Renders blocks back into the answer format (what the playbook agent answers).
[[nodiscard]] std::string renderSearchReplace(std::span<const SearchReplaceBlock> blocks);

} // namespace devos::logic
