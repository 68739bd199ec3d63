// The playbook's re-application of a recorded fix to code that moved on since (issue 11 part 5).
// Each change group of a hunk (a run of '-'/'+' lines with up to three context lines on each side)
// is placed independently:
//   candidates  every place where all removed lines match, whitespace ignored (for a pure
//               insertion: every gap between lines);
//   score       how many of the group's context lines match at their offset from the candidate;
//   accept      score >= half the context lines (rounded up), or the only match of a removed block
//               of at least 12 non-blank characters (neighbours renamed all around it);
//   choose      the unique best score; a tie is ambiguous and refuses the whole patch;
//   applied     when the added lines (with their context) fit at least as well as the removed ones,
//               the fix is already there and the patch is refused;
//   names       an identifier the added lines use that the patch's old lines had but today's file
//               lacks was renamed since: the patch is refused rather than written with a stale name.
// Line numbers are used only to report how far the code moved. Groups are applied bottom-up on
// today's lines after checking they do not overlap, so a patch applies wholly or not at all.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <devos/logic/hunk_reapply.hpp>
#include <devos/logic/text_lines.hpp>
#include <set>

namespace devos::logic {
namespace {

constexpr std::size_t kMaxContext = 3;

struct Group {
    std::vector<std::string> before; // context above, nearest last
    std::vector<std::string> removed;
    std::vector<std::string> added;
    std::vector<std::string> after; // context below, nearest first
    int oldLine = 0;                // 0-based line of the first removed line (or the gap) in the old file
};

struct Edit {
    std::size_t at = 0;    // first replaced line in today's file (or the gap for an insertion)
    std::size_t count = 0; // lines replaced
    std::vector<std::string> lines;
    bool finalNewlineChange = false;
};

std::unexpected<contracts::Rejection> refuse(const std::string& path, std::string rule, std::string message) {
    return std::unexpected(
        contracts::Rejection{std::move(rule), path, 0, std::move(message),
                             "the recorded fix no longer fits this code; try the chat agent "
                             "(--agent chat) or fix it by hand"});
}

std::vector<Group> groupsOf(const Hunk& h) {
    std::vector<Group> groups;
    int oldLine = std::max(0, h.oldStart - 1);
    if (h.oldCount == 0)
        oldLine = h.oldStart; // a pure insertion's header names the line before the gap
    std::size_t i = 0;
    while (i < h.lines.size()) {
        if (h.lines[i].kind == ' ') {
            ++oldLine;
            ++i;
            continue;
        }
        Group g;
        g.oldLine = oldLine;
        for (std::size_t k = i; k-- > 0 && h.lines[k].kind == ' ' && g.before.size() < kMaxContext;)
            g.before.insert(g.before.begin(), h.lines[k].text);
        while (i < h.lines.size() && h.lines[i].kind != ' ') {
            if (h.lines[i].kind == '-') {
                g.removed.push_back(h.lines[i].text);
                ++oldLine;
            } else {
                g.added.push_back(h.lines[i].text);
            }
            ++i;
        }
        for (std::size_t k = i; k < h.lines.size() && h.lines[k].kind == ' ' && g.after.size() < kMaxContext;
             ++k)
            g.after.push_back(h.lines[k].text);
        groups.push_back(std::move(g));
    }
    return groups;
}

// True when a block identifies its place by itself when it occurs once (12+ non-blank characters).
bool distinctive(const std::vector<std::string>& lines) {
    std::size_t letters = 0;
    for (const auto& l : lines)
        letters += withoutWhitespace(l).size();
    return letters >= 12;
}

// Context lines matching around a candidate at `at` replacing `count` lines.
int contextScore(const std::vector<std::string>& norm, const Group& g, std::size_t at, std::size_t count) {
    int score = 0;
    for (std::size_t k = 0; k < g.before.size(); ++k) {
        const std::size_t distance = g.before.size() - k; // lines above the candidate
        if (at >= distance && norm[at - distance] == withoutWhitespace(g.before[k]))
            ++score;
    }
    for (std::size_t k = 0; k < g.after.size(); ++k) {
        const std::size_t line = at + count + k;
        if (line < norm.size() && norm[line] == withoutWhitespace(g.after[k]))
            ++score;
    }
    return score;
}

// Candidates where every line of `block` matches (whitespace ignored); every gap when it is empty.
std::vector<std::size_t> placesOf(const std::vector<std::string>& norm,
                                  const std::vector<std::string>& block) {
    std::vector<std::size_t> at;
    if (block.size() > norm.size())
        return at;
    for (std::size_t p = 0; p + block.size() <= norm.size(); ++p) {
        bool all = true;
        for (std::size_t k = 0; k < block.size() && all; ++k)
            all = norm[p + k] == withoutWhitespace(block[k]);
        if (all)
            at.push_back(p);
    }
    return at;
}

// The best accepted candidate for `core` at `group`, or why there is none.
struct Placement {
    std::size_t at = 0;
    int score = 0;
    enum { Found, None, Ambiguous } status = None;
};

Placement place(const std::vector<std::string>& norm, const Group& g, const std::vector<std::string>& core) {
    const int context = static_cast<int>(g.before.size() + g.after.size());
    const int needed = (context + 1) / 2;
    Placement best;
    bool tie = false;
    const auto places = placesOf(norm, core);
    for (std::size_t p : places) {
        const int score = contextScore(norm, g, p, core.size());
        const bool accepted = (context > 0 && score >= needed) || (places.size() == 1 && distinctive(core));
        if (!accepted)
            continue;
        if (best.status == Placement::None || score > best.score) {
            best = {p, score, Placement::Found};
            tie = false;
        } else if (score == best.score) {
            tie = true;
        }
    }
    if (tie)
        best.status = Placement::Ambiguous;
    return best;
}

// The identifiers of `lines` ([A-Za-z_][A-Za-z0-9_]*; a number's letters are not one).
std::set<std::string> identifiers(const std::vector<std::string>& lines) {
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    std::set<std::string> out;
    for (const auto& l : lines) {
        std::size_t i = 0;
        while (i < l.size()) {
            if (!word(l[i])) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < l.size() && word(l[end]))
                ++end;
            if (std::isdigit(static_cast<unsigned char>(l[i])) == 0)
                out.insert(l.substr(i, end - i));
            i = end;
        }
    }
    return out;
}

std::string reindent(const std::string& line, std::string_view from, std::string_view to) {
    if (line.empty() || from == to || !line.starts_with(from))
        return line;
    return std::string(to) + line.substr(from.size());
}

std::string_view firstIndent(const std::vector<std::string>& lines) {
    for (const auto& l : lines)
        if (!withoutWhitespace(l).empty())
            return indentationOf(l);
    return {};
}

} // namespace

std::expected<Reapplied, contracts::Rejection> reapplyFilePatch(const FilePatch& patch,
                                                                std::string_view today) {
    const std::string& path = patch.newPath.empty() ? patch.oldPath : patch.newPath;
    if (patch.binary || patch.oldPath.empty() || patch.newPath.empty() || patch.oldPath != patch.newPath)
        return refuse(path, "playbook.file-kind",
                      "the recorded fix creates, deletes, renames or rewrites a binary file (" + path +
                          "); the playbook re-applies edits to existing text files only");
    TextLines lines = splitLines(today);
    std::vector<std::string> oldLines, addedLines;
    for (const auto& h : patch.hunks)
        for (const auto& l : h.lines)
            (l.kind == '+' ? addedLines : oldLines).push_back(l.text);
    const auto known = identifiers(lines.lines);
    const auto old = identifiers(oldLines);
    for (const auto& name : identifiers(addedLines))
        if (old.contains(name) && !known.contains(name))
            return refuse(path, "playbook.renamed",
                          "the recorded fix uses `" + name + "`, which " + path +
                              " no longer has (renamed since?): re-applying it would write a stale name");
    std::vector<std::string> norm;
    for (const auto& l : lines.lines)
        norm.push_back(withoutWhitespace(l));
    Reapplied result;
    std::vector<Edit> edits;
    for (const auto& hunk : patch.hunks) {
        for (const auto& g : groupsOf(hunk)) {
            if (g.removed.empty() && g.before.empty() && g.after.empty())
                return refuse(path, "playbook.no-match",
                              "a change to " + path + " has no lines to anchor it");
            // A pure insertion is anchored by its context: the gap is a candidate when the lines around it
            // match.
            const Placement found = place(norm, g, g.removed);
            const Placement fixed = g.added.empty() ? Placement{} : place(norm, g, g.added);
            if (fixed.status == Placement::Found &&
                (found.status != Placement::Found || fixed.score >= found.score))
                return refuse(path, "playbook.already-applied",
                              "the lines the recorded fix writes are already in " + path + " (near line " +
                                  std::to_string(fixed.at + 1) + "): it is not what regressed");
            if (found.status == Placement::Ambiguous)
                return refuse(path, "playbook.ambiguous",
                              "a change of the recorded fix fits more than one place in " + path +
                                  " equally well (near line " + std::to_string(g.oldLine + 1) + ")");
            if (found.status == Placement::None) {
                return refuse(path, "playbook.no-match",
                              "the lines the recorded fix changed (near line " +
                                  std::to_string(g.oldLine + 1) + ") are not all in " + path +
                                  " with enough of their surrounding lines");
            }
            Edit e{found.at, g.removed.size(), {}};
            const std::string_view fromIndent = firstIndent(g.removed.empty() ? g.after : g.removed);
            std::string_view toIndent;
            for (std::size_t k = 0; k < g.removed.size() && toIndent.empty(); ++k)
                if (!norm[found.at + k].empty())
                    toIndent = indentationOf(lines.lines[found.at + k]);
            if (g.removed.empty() && found.at < lines.lines.size())
                toIndent = indentationOf(lines.lines[found.at]);
            for (const auto& added : g.added)
                e.lines.push_back(reindent(added, fromIndent, toIndent));
            for (std::size_t k = 0; k < g.removed.size(); ++k)
                result.whitespaceDiffered =
                    result.whitespaceDiffered || lines.lines[found.at + k] != g.removed[k];
            result.contextMismatches += static_cast<int>(g.before.size() + g.after.size()) - found.score;
            result.maxShift = std::max(result.maxShift, std::abs(static_cast<int>(found.at) - g.oldLine));
            edits.push_back(std::move(e));
        }
    }
    std::ranges::sort(edits, {}, &Edit::at);
    for (std::size_t k = 1; k < edits.size(); ++k)
        if (edits[k].at < edits[k - 1].at + edits[k - 1].count ||
            (edits[k].at == edits[k - 1].at && edits[k - 1].count == 0 && edits[k].count == 0))
            return refuse(path, "playbook.ambiguous",
                          "two changes of the recorded fix land on the same lines of " + path);
    for (auto e = edits.rbegin(); e != edits.rend(); ++e) {
        const auto first = lines.lines.begin() + static_cast<std::ptrdiff_t>(e->at);
        lines.lines.erase(first, first + static_cast<std::ptrdiff_t>(e->count));
        lines.lines.insert(lines.lines.begin() + static_cast<std::ptrdiff_t>(e->at), e->lines.begin(),
                           e->lines.end());
    }
    result.after = joinLines(lines);
    if (result.after == today)
        return refuse(path, "playbook.already-applied",
                      "re-applying the recorded fix leaves " + path + " unchanged");
    return result;
}

SearchReplaceBlock coveringBlock(const std::string& path, std::string_view before, std::string_view after) {
    const TextLines a = splitLines(before);
    const TextLines b = splitLines(after);
    std::size_t head = 0;
    while (head < a.lines.size() && head < b.lines.size() && a.lines[head] == b.lines[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.lines.size() - head && tail < b.lines.size() - head &&
           a.lines[a.lines.size() - 1 - tail] == b.lines[b.lines.size() - 1 - tail])
        ++tail;
    std::size_t s = head, e = a.lines.size() - tail; // old lines [s, e) become new lines [s, b.size() - tail)
    auto unique = [&](std::size_t from, std::size_t to) {
        if (from == to)
            return false;
        int found = 0;
        const auto n = to - from;
        for (std::size_t p = 0; p + n <= a.lines.size() && found < 2; ++p)
            found += std::equal(a.lines.begin() + static_cast<std::ptrdiff_t>(from),
                                a.lines.begin() + static_cast<std::ptrdiff_t>(to),
                                a.lines.begin() + static_cast<std::ptrdiff_t>(p))
                         ? 1
                         : 0;
        return found == 1;
    };
    std::size_t grownBelow = 0;
    while (!unique(s, e) && (s > 0 || e < a.lines.size())) {
        if (e < a.lines.size()) {
            ++e;
            ++grownBelow;
        }
        if (!unique(s, e) && s > 0)
            --s;
    }
    SearchReplaceBlock block{path, {}, {}, 0};
    for (std::size_t k = s; k < e; ++k)
        block.search += a.lines[k] + "\n";
    const std::size_t newEnd = b.lines.size() - tail + grownBelow;
    for (std::size_t k = s; k < newEnd; ++k)
        block.replace += b.lines[k] + "\n";
    return block;
}

} // namespace devos::logic
