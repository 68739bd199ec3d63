// The playbook agent's heal rate on generated regressions of learned fixes (issue 11 benchmarks).
// Six recorded fixes (a changed expression, an off-by-one, an inserted guard, a comparison, a
// two-line change, two hunks far apart) are each lost again in code that moved on: lines inserted
// above (3 and 20), a renamed neighbour (an identifier of the context), changed whitespace
// (re-indented, operators re-spaced), their combinations, and a twin of the code elsewhere whose
// neighbours differ: 48 regressions that should be healed. Eighteen more must be refused: the
// buggy file duplicated as it is (ambiguous), the fix already in place, and an identifier of the
// changed lines renamed since (re-applying would write a stale name). Each case runs logic::playbookAnswer
// (what the playbook agent runs), parses its answer strictly and applies it; a healed case must equal the
// expected file (today's file with the fix, compared line by line ignoring whitespace); anything else it
// produces is a wrong fix. Usage: devos_bench_playbook [--verbose]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <devos/logic/playbook.hpp>
#include <devos/logic/search_replace.hpp>
#include <devos/logic/text_lines.hpp>
#include <devos/logic/unified_diff.hpp>
#include <functional>
#include <string>
#include <vector>

namespace {

using devos::contracts::AgentRequest;
using devos::contracts::CodeDiff;
using devos::contracts::RecordedFix;
using devos::contracts::SimilarIncident;

// A fix as it was recorded: the file before and after it, and a name its neighbours can be renamed by.
struct FixCase {
    const char* name;
    std::string buggy;
    std::string fixed;
    std::string neighbour; // an identifier in the context of the change, not in the changed lines
    std::string changed;   // an identifier of the changed (or inserted) lines
};

std::vector<FixCase> fixCases() {
    return {
        {"changed expression",
         "#include \"logic/pricing.hpp\"\n\nnamespace shop {\n\nstd::int64_t applyBasisPoints(std::int64_t "
         "cents, "
         "std::int64_t points) {\n    const std::int64_t whole = cents / 10000 * points;\n    const "
         "std::int64_t rest = "
         "cents % 10000 * points;\n    return whole + rest / 10000;\n}\n\n} // namespace shop\n",
         "#include \"logic/pricing.hpp\"\n\nnamespace shop {\n\nstd::int64_t applyBasisPoints(std::int64_t "
         "cents, "
         "std::int64_t points) {\n    const std::int64_t whole = cents / 10000 * points;\n    const "
         "std::int64_t rest = "
         "cents % 10000 * points;\n    return whole + (rest + 5000) / 10000;\n}\n\n} // namespace shop\n",
         "points", "rest"},
        {"off-by-one",
         "int sumFirst(const std::vector<int>& items, std::size_t count) {\n    int total = 0;\n    for "
         "(std::size_t i = "
         "0; i <= count && i < items.size(); ++i)\n        total += items[i];\n    return total;\n}\n",
         "int sumFirst(const std::vector<int>& items, std::size_t count) {\n    int total = 0;\n    for "
         "(std::size_t i = "
         "0; i < count && i < items.size(); ++i)\n        total += items[i];\n    return total;\n}\n",
         "total", "count"},
        {"inserted guard",
         "Result<Order> findOrder(const Repo& repo, const Id& id) {\n    const Order* order = "
         "repo.lookup(id);\n    "
         "audit(id);\n    return *order;\n}\n",
         "Result<Order> findOrder(const Repo& repo, const Id& id) {\n    const Order* order = "
         "repo.lookup(id);\n    if "
         "(order == nullptr)\n        return std::unexpected(Error::NotFound);\n    audit(id);\n    return "
         "*order;\n}\n",
         "audit", "order"},
        {"comparison",
         "bool overLimit(const Account& account, Money amount) {\n    const Money balance = account.balance "
         "+ "
         "amount;\n    if (balance > account.limit)\n        return true;\n    return account.frozen;\n}\n",
         "bool overLimit(const Account& account, Money amount) {\n    const Money balance = account.balance "
         "+ "
         "amount;\n    if (balance >= account.limit)\n        return true;\n    return account.frozen;\n}\n",
         "frozen", "balance"},
        {"two-line change",
         "int percentOf(int part, int total) {\n    const int scaled = part * 100;\n    const int percent = "
         "scaled / "
         "total;\n    return percent;\n}\n",
         "int percentOf(int part, int total) {\n    const int scaled = part * 100;\n    const int percent = "
         "total == 0 ? "
         "0 : scaled / total;\n    return percent > 100 ? 100 : percent;\n}\n",
         "part", "scaled"},
        {"two hunks",
         "constexpr int kRetries = 3;\nconstexpr int kBackoffMs = 100;\n\nint backoff(int attempt) {\n    "
         "int wait = "
         "kBackoffMs;\n    for (int i = 0; i < attempt; ++i)\n        wait *= 2;\n    return "
         "wait;\n}\n\nbool "
         "retryable(int status) {\n    if (status == 429)\n        return true;\n    return status > "
         "500;\n}\n",
         "constexpr int kRetries = 3;\nconstexpr int kBackoffMs = 250;\n\nint backoff(int attempt) {\n    "
         "int wait = "
         "kBackoffMs;\n    for (int i = 0; i < attempt; ++i)\n        wait *= 2;\n    return "
         "wait;\n}\n\nbool "
         "retryable(int status) {\n    if (status == 429)\n        return true;\n    return status >= "
         "500;\n}\n",
         "retryable", "status"},
    };
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// A word-bounded rename.
std::string rename(const std::string& text, const std::string& from, const std::string& to) {
    std::string out;
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, from.size(), from) == 0 && (i == 0 || !ident(text[i - 1])) &&
            (i + from.size() == text.size() || !ident(text[i + from.size()]))) {
            out += to;
            i += from.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string moved(const std::string& text, int lines) {
    std::string block = "// added later\n";
    for (int i = 1; i < lines - 1; ++i)
        block += "static int helper" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
    return block + "\n" + text;
}

std::string reindented(const std::string& text) {
    auto lines = devos::logic::splitLines(text);
    for (auto& l : lines.lines) {
        const std::size_t indent = devos::logic::indentationOf(l).size();
        l = std::string(indent / 2, ' ') + l.substr(indent);
        l = replaceAll(replaceAll(l, " + ", "+"), " / ", "/");
    }
    return devos::logic::joinLines(lines);
}

// One perturbation of today's code, applied alike to the buggy and the fixed file.
struct Perturbation {
    const char* name;
    std::function<std::string(const std::string&, const FixCase&)> apply;
};

std::vector<Perturbation> perturbations() {
    const auto renamedNeighbour = [](const std::string& t, const FixCase& c) {
        return rename(t, c.neighbour, c.neighbour + "Value");
    };
    const auto twin = [=](const std::string& t, const FixCase& c) {
        return t + "\n" + renamedNeighbour(c.buggy, c); // the twin elsewhere stays as it is in both files
    };
    return {
        {"twin elsewhere", twin},
        {"moved 3 lines", [](const std::string& t, const FixCase&) { return moved(t, 3); }},
        {"moved 20 lines", [](const std::string& t, const FixCase&) { return moved(t, 20); }},
        {"renamed neighbour", renamedNeighbour},
        {"changed whitespace", [](const std::string& t, const FixCase&) { return reindented(t); }},
        {"moved + renamed",
         [=](const std::string& t, const FixCase& c) { return moved(renamedNeighbour(t, c), 8); }},
        {"moved + whitespace", [](const std::string& t, const FixCase&) { return moved(reindented(t), 8); }},
        {"all three", [=](const std::string& t, const FixCase& c) {
             return moved(reindented(renamedNeighbour(t, c)), 12);
         }}};
}

bool sameIgnoringWhitespace(const std::string& a, const std::string& b) {
    const auto x = devos::logic::splitLines(a).lines;
    const auto y = devos::logic::splitLines(b).lines;
    if (x.size() != y.size())
        return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (devos::logic::withoutWhitespace(x[i]) != devos::logic::withoutWhitespace(y[i]))
            return false;
    return true;
}

// What the playbook made of `today`: nullopt when it refused.
std::optional<std::string> heal(const FixCase& c, const std::string& today) {
    RecordedFix fix;
    fix.id = "FIX";
    fix.testName = "Case.Test";
    fix.fixingCommit = "9b2e1aa";
    fix.diff = devos::logic::unifiedDiff(CodeDiff{"src/logic/code.cpp", c.buggy, c.fixed});
    AgentRequest request;
    request.testName = "Case.Test";
    request.similarIncidents = {SimilarIncident{0.97F, "F", "p", "Case.Test", "m", "c", fix}};
    request.codeContext = {{"src/logic/code.cpp", today}};
    auto answer = devos::logic::playbookAnswer(request);
    if (!answer)
        return std::nullopt;
    auto blocks = devos::logic::parseSearchReplace(answer->text);
    if (!blocks)
        return std::nullopt;
    auto diffs = devos::logic::applySearchReplace(*blocks, request.codeContext);
    if (!diffs || diffs->empty())
        return std::nullopt;
    return diffs->front().after;
}

} // namespace

int main(int argc, char** argv) {
    const bool verbose = argc > 1 && std::strcmp(argv[1], "--verbose") == 0;
    int healable = 0, healed = 0, refusable = 0, refused = 0, wrong = 0;
    const auto started = std::chrono::steady_clock::now();
    for (const auto& c : fixCases()) {
        for (const auto& p : perturbations()) {
            ++healable;
            const auto result = heal(c, p.apply(c.buggy, c));
            const bool ok = result && sameIgnoringWhitespace(*result, p.apply(c.fixed, c));
            healed += ok ? 1 : 0;
            wrong += result && !ok ? 1 : 0;
            if (verbose || (result && !ok))
                std::printf("%-20s %-20s %s\n", c.name, p.name, ok ? "healed" : result ? "WRONG" : "refused");
        }
        // Must be refused: the buggy code twice (ambiguous), the fix already in place, and a name of the
        // changed lines renamed since.
        for (const auto& [name, today] :
             {std::pair<const char*, std::string>{"duplicated", c.buggy + "\n" + c.buggy},
              {"already fixed", moved(c.fixed, 5)},
              {"renamed in change", rename(c.buggy, c.changed, c.changed + "2")}}) {
            ++refusable;
            const auto result = heal(c, today);
            refused += result ? 0 : 1;
            wrong += result ? 1 : 0;
            if (verbose || result)
                std::printf("%-20s %-20s %s\n", c.name, name, result ? "WRONG (should refuse)" : "refused");
        }
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "playbook heal rate: %d of %d regressions healed (%.0f%%), %d of %d refusals right, %d wrong fixes "
        "(%.2f ms per case)\n",
        healed, healable, 100.0 * healed / healable, refused, refusable, wrong, ms / (healable + refusable));
    return wrong == 0 && healed * 5 >= healable * 4 ? 0 : 1;
}
