// Line diff and unified diff text. The diff trims the common head and tail, then takes a longest
// common subsequence of what is left (dynamic programming; a middle larger than 4M cells is treated
// as replaced whole, still a correct diff). A file's last line without '\n' is its own token, so a
// change of only the final newline is a change, printed with git's "\ No newline" marker.
#include <charconv>
#include <devos/logic/text_lines.hpp>
#include <devos/logic/unified_diff.hpp>

namespace devos::logic {
namespace {

using contracts::ErrorKind;

constexpr int kContext = 3;
constexpr std::size_t kMaxCells = 4'000'000;

struct Token {
    std::string_view text;
    bool noNewline = false;
    bool operator==(const Token&) const = default;
};

std::vector<Token> tokens(const TextLines& t) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < t.lines.size(); ++i)
        out.push_back({t.lines[i], i + 1 == t.lines.size() && !t.finalNewline});
    return out;
}

// The edit script as (kind, old index, new index) in order.
struct Op {
    char kind;
    std::size_t oldIndex;
    std::size_t newIndex;
};

std::vector<Op> editScript(const std::vector<Token>& a, const std::vector<Token>& b) {
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const std::size_t n = a.size() - head - tail;
    const std::size_t m = b.size() - head - tail;
    std::vector<Op> ops;
    for (std::size_t i = 0; i < head; ++i)
        ops.push_back({' ', i, i});
    if ((n + 1) * (m + 1) <= kMaxCells) {
        // lcs[i][j]: the LCS length of a[head+i..] and b[head+j..] within the middle.
        std::vector<int> lcs((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> int& { return lcs[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) =
                    a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                ops.push_back({' ', head + i++, head + j++});
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                ops.push_back({'-', head + i++, head + j});
            } else {
                ops.push_back({'+', head + i, head + j++});
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i)
            ops.push_back({'-', head + i, head});
        for (std::size_t j = 0; j < m; ++j)
            ops.push_back({'+', head + n, head + j});
    }
    for (std::size_t k = 0; k < tail; ++k)
        ops.push_back({' ', head + n + k, head + m + k});
    return ops;
}

std::string range(std::size_t start, std::size_t count) {
    // Unified diff ranges are 1-based; an empty range names the line before it.
    const std::size_t first = count == 0 ? start : start + 1;
    return count == 1 ? std::to_string(first) : std::to_string(first) + "," + std::to_string(count);
}

void appendLine(std::string& out, char kind, const Token& t) {
    out += kind;
    out += t.text;
    out += '\n';
    if (t.noNewline)
        out += "\\ No newline at end of file\n";
}

bool parseInt(std::string_view text, int& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// "-12,3" or "-12" (count 1) after the sign.
bool parseRange(std::string_view text, int& start, int& count) {
    const auto comma = text.find(',');
    count = 1;
    return parseInt(text.substr(0, comma), start) &&
           (comma == std::string_view::npos || parseInt(text.substr(comma + 1), count));
}

std::string stripPrefix(std::string_view path) {
    // "a/x" or "b/x"; "/dev/null" means no file. A tab ends the name in `diff -u` headers.
    path = path.substr(0, path.find('\t'));
    if (path == "/dev/null")
        return {};
    if (path.starts_with("a/") || path.starts_with("b/"))
        path.remove_prefix(2);
    return std::string(path);
}

} // namespace

std::string unifiedDiff(const contracts::CodeDiff& diff) {
    const TextLines beforeLines = splitLines(diff.before);
    const TextLines afterLines = splitLines(diff.after);
    const auto a = tokens(beforeLines);
    const auto b = tokens(afterLines);
    const auto ops = editScript(a, b);
    std::vector<std::size_t> changed;
    for (std::size_t k = 0; k < ops.size(); ++k)
        if (ops[k].kind != ' ')
            changed.push_back(k);
    if (changed.empty())
        return {};
    std::string out = "diff --git a/" + diff.path + " b/" + diff.path + "\n--- a/" + diff.path + "\n+++ b/" +
                      diff.path + "\n";
    std::size_t c = 0;
    while (c < changed.size()) {
        // A hunk spans changes closer than 2 * kContext unchanged lines apart, with kContext around.
        std::size_t last = c;
        while (last + 1 < changed.size() && changed[last + 1] - changed[last] <= 2 * kContext)
            ++last;
        const std::size_t from = changed[c] >= kContext ? changed[c] - kContext : 0;
        const std::size_t to = std::min(ops.size(), changed[last] + kContext + 1);
        std::size_t oldCount = 0, newCount = 0;
        for (std::size_t k = from; k < to; ++k) {
            oldCount += ops[k].kind != '+' ? 1 : 0;
            newCount += ops[k].kind != '-' ? 1 : 0;
        }
        out += "@@ -" + range(ops[from].oldIndex, oldCount) + " +" + range(ops[from].newIndex, newCount) +
               " @@\n";
        for (std::size_t k = from; k < to; ++k)
            appendLine(out, ops[k].kind, ops[k].kind == '+' ? b[ops[k].newIndex] : a[ops[k].oldIndex]);
        c = last + 1;
    }
    return out;
}

std::string unifiedDiff(std::span<const contracts::CodeDiff> diffs) {
    std::string out;
    for (const auto& d : diffs)
        out += unifiedDiff(d);
    return out;
}

DiffStats diffStats(std::span<const contracts::CodeDiff> diffs) {
    DiffStats stats;
    for (const auto& d : diffs) {
        const TextLines beforeLines = splitLines(d.before);
        const TextLines afterLines = splitLines(d.after);
        bool any = false;
        for (const auto& op : editScript(tokens(beforeLines), tokens(afterLines))) {
            stats.added += op.kind == '+' ? 1 : 0;
            stats.removed += op.kind == '-' ? 1 : 0;
            any = any || op.kind != ' ';
        }
        stats.files += any ? 1 : 0;
    }
    return stats;
}

contracts::Expected<std::vector<FilePatch>> parseUnifiedDiff(std::string_view text) {
    const TextLines t = splitLines(text);
    const auto& lines = t.lines;
    std::vector<FilePatch> patches;
    auto bad = [](std::size_t index, std::string message) {
        return contracts::fail(ErrorKind::Invalid, "diff line " + std::to_string(index + 1) + ": " + message,
                               {}, 0, "the diff is not a unified diff");
    };
    std::size_t i = 0;
    while (i < lines.size()) {
        const std::string_view line = lines[i];
        if (line.starts_with("diff --git ")) {
            FilePatch p;
            const auto rest = line.substr(11);
            const auto space = rest.find(" b/");
            p.oldPath = stripPrefix(rest.substr(0, space));
            p.newPath = space == std::string_view::npos ? p.oldPath : stripPrefix(rest.substr(space + 1));
            patches.push_back(std::move(p));
            ++i;
            continue;
        }
        if (line.starts_with("--- ")) {
            if (i + 1 >= lines.size() || !lines[i + 1].starts_with("+++ "))
                return bad(i, "'---' without '+++' after it");
            if (patches.empty() || !patches.back().hunks.empty())
                patches.emplace_back();
            patches.back().oldPath = stripPrefix(std::string_view(lines[i]).substr(4));
            patches.back().newPath = stripPrefix(std::string_view(lines[i + 1]).substr(4));
            i += 2;
            continue;
        }
        if (line.starts_with("Binary files ") || line.starts_with("GIT binary patch")) {
            if (patches.empty())
                return bad(i, "a binary note outside a file");
            patches.back().binary = true;
            ++i;
            continue;
        }
        if (line.starts_with("@@ ")) {
            if (patches.empty())
                return bad(i, "a hunk before any file header");
            Hunk h;
            const auto close = line.find(" @@", 3);
            if (close == std::string_view::npos)
                return bad(i, "a hunk header without its closing @@");
            const auto ranges = line.substr(3, close - 3);
            const auto space = ranges.find(' ');
            if (space == std::string_view::npos || ranges[0] != '-' || ranges[space + 1] != '+' ||
                !parseRange(ranges.substr(1, space - 1), h.oldStart, h.oldCount) ||
                !parseRange(ranges.substr(space + 2), h.newStart, h.newCount))
                return bad(i, "a malformed hunk header '" + std::string(line) + "'");
            ++i;
            int oldSeen = 0, newSeen = 0;
            while (i < lines.size() && (oldSeen < h.oldCount || newSeen < h.newCount)) {
                const std::string_view l = lines[i];
                const char kind = l.empty() ? ' ' : l[0]; // an empty line is an empty context line
                if (kind != ' ' && kind != '-' && kind != '+')
                    return bad(i, "expected a ' ', '-' or '+' line inside the hunk");
                h.lines.push_back({kind, std::string(l.empty() ? l : l.substr(1)), false});
                oldSeen += kind != '+' ? 1 : 0;
                newSeen += kind != '-' ? 1 : 0;
                ++i;
                if (i < lines.size() && lines[i].starts_with("\\ ")) {
                    h.lines.back().noNewline = true;
                    ++i;
                }
            }
            if (oldSeen != h.oldCount || newSeen != h.newCount)
                return bad(i - 1, "the hunk has fewer lines than its header says");
            patches.back().hunks.push_back(std::move(h));
            continue;
        }
        ++i; // index, mode, rename, similarity lines and anything between files
    }
    return patches;
}

} // namespace devos::logic
