// The chat agent's answer is untrusted input. The parser accepts exactly the block grammar and
// nothing else (no prose, no diff), and the applier matches SEARCH by whole lines exactly once, so a
// model can neither smuggle text in nor make DevOS guess where an edit belongs.
#include <algorithm>
#include <devos/foundation/text.hpp>
#include <devos/logic/search_replace.hpp>
#include <devos/logic/text_lines.hpp>

namespace devos::logic {
namespace {

constexpr std::string_view kSearch = "<<<<<<< SEARCH";
constexpr std::string_view kDivider = "=======";
constexpr std::string_view kReplace = ">>>>>>> REPLACE";

std::unexpected<contracts::Rejection> rejected(std::string rule, std::string path, unsigned line,
                                               std::string message, std::string hint) {
    return std::unexpected(
        contracts::Rejection{std::move(rule), std::move(path), line, std::move(message), std::move(hint)});
}

std::unexpected<contracts::Rejection> badFormat(unsigned line, std::string message) {
    return rejected(
        "answer.format", {}, line, "answer line " + std::to_string(line) + ": " + message,
        "the agent must answer only with path / <<<<<<< SEARCH / ======= / >>>>>>> REPLACE blocks");
}

bool isFence(std::string_view line) {
    return foundation::trim(line).starts_with("```");
}

// Positions where `needle` (whole lines) occurs in `hay`.
std::vector<std::size_t> occurrences(const std::vector<std::string>& hay,
                                     const std::vector<std::string>& needle) {
    std::vector<std::size_t> at;
    if (needle.empty() || needle.size() > hay.size())
        return at;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
        if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i)))
            at.push_back(i);
    return at;
}

} // namespace

std::expected<std::vector<SearchReplaceBlock>, contracts::Rejection>
parseSearchReplace(std::string_view answer) {
    const auto lines = splitLines(answer).lines;
    std::vector<SearchReplaceBlock> blocks;
    std::size_t i = 0;
    auto number = [](std::size_t index) { return static_cast<unsigned>(index + 1); };
    while (i < lines.size()) {
        const std::string_view line = lines[i];
        if (foundation::trim(line).empty() || isFence(line)) {
            ++i;
            continue;
        }
        const std::string_view path = foundation::trim(line);
        if (path == kSearch || path == kDivider || path == kReplace)
            return badFormat(number(i), "a marker without a file path line before it");
        if (i + 1 >= lines.size() || foundation::trim(lines[i + 1]) != kSearch)
            return badFormat(number(i), "expected a file path followed by '<<<<<<< SEARCH', found '" +
                                            std::string(line.substr(0, 80)) + "'");
        SearchReplaceBlock block{std::string(path), {}, {}, number(i)};
        std::size_t j = i + 2;
        while (j < lines.size() && lines[j] != kDivider) {
            if (lines[j] == kSearch || lines[j] == kReplace)
                return badFormat(number(j), "expected '=======' before '" + lines[j] + "'");
            block.search += lines[j] + "\n";
            ++j;
        }
        if (j >= lines.size())
            return badFormat(number(i), "the block of " + block.path + " has no '=======' line");
        ++j;
        while (j < lines.size() && lines[j] != kReplace) {
            if (lines[j] == kSearch || lines[j] == kDivider)
                return badFormat(number(j), "expected '>>>>>>> REPLACE' before '" + lines[j] + "'");
            block.replace += lines[j] + "\n";
            ++j;
        }
        if (j >= lines.size())
            return badFormat(number(i), "the block of " + block.path + " has no '>>>>>>> REPLACE' line");
        if (block.search.empty())
            return badFormat(block.line,
                             "the SEARCH part of " + block.path +
                                 " is empty (DevOS proposes edits to existing lines, not new files)");
        blocks.push_back(std::move(block));
        i = j + 1;
    }
    if (blocks.empty())
        return badFormat(1, "the answer holds no search/replace block");
    return blocks;
}

std::expected<std::vector<contracts::CodeDiff>, contracts::Rejection>
applySearchReplace(std::span<const SearchReplaceBlock> blocks, std::span<const contracts::SourceFile> files) {
    std::vector<contracts::CodeDiff> diffs;
    std::vector<TextLines> current;
    for (const auto& block : blocks) {
        auto it = std::ranges::find(diffs, block.path, &contracts::CodeDiff::path);
        if (it == diffs.end()) {
            const auto file = std::ranges::find(files, block.path, &contracts::SourceFile::path);
            if (file == files.end())
                return rejected("answer.unknown-file", block.path, block.line,
                                "the answer edits " + block.path + ", which is not a file of the repository",
                                "edit only files that exist at the failing commit");
            diffs.push_back({block.path, file->content, file->content});
            current.push_back(splitLines(file->content));
            it = diffs.end() - 1;
        }
        auto& text = current[static_cast<std::size_t>(it - diffs.begin())];
        const auto search = splitLines(block.search).lines;
        const auto at = occurrences(text.lines, search);
        if (at.empty())
            return rejected("answer.search-not-found", block.path, block.line,
                            "the SEARCH text of the block at answer line " + std::to_string(block.line) +
                                " is not in " + block.path,
                            "SEARCH must repeat the current lines exactly, whitespace included");
        if (at.size() > 1)
            return rejected("answer.search-ambiguous", block.path, block.line,
                            "the SEARCH text of the block at answer line " + std::to_string(block.line) +
                                " occurs " + std::to_string(at.size()) + " times in " + block.path,
                            "include enough surrounding lines to make SEARCH unique");
        const auto replace = splitLines(block.replace).lines;
        const auto first = text.lines.begin() + static_cast<std::ptrdiff_t>(at.front());
        text.lines.erase(first, first + static_cast<std::ptrdiff_t>(search.size()));
        text.lines.insert(text.lines.begin() + static_cast<std::ptrdiff_t>(at.front()), replace.begin(),
                          replace.end());
        it->after = joinLines(text);
    }
    std::erase_if(diffs, [](const contracts::CodeDiff& d) { return d.before == d.after; });
    return diffs;
}

std::string renderSearchReplace(std::span<const SearchReplaceBlock> blocks) {
    std::string out;
    for (const auto& b : blocks) {
        if (!out.empty())
            out += '\n';
        out += b.path + "\n" + std::string(kSearch) + "\n" + b.search + std::string(kDivider) + "\n" +
               b.replace + std::string(kReplace) + "\n";
    }
    return out;
}

} // namespace devos::logic
