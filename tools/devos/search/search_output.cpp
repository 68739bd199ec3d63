#include "search/search_output.hpp"

#include <cstdio>
#include <variant>

namespace devos::search {
namespace {

nlohmann::json hitJson(const services::IncidentHit& h) {
    nlohmann::json hit = {
        {"score", h.score}, {"kind", h.kind()}, {"failure_id", h.failureId()}, {"pattern_id", h.patternId()}};
    if (const auto* t = std::get_if<contracts::TestFailure>(&h.failure))
        hit.update({{"suite", t->suite},
                    {"test", t->testName},
                    {"file", t->file},
                    {"line", t->line},
                    {"message", t->message},
                    {"run_id", t->runId}});
    else if (const auto* l = std::get_if<contracts::LintFailure>(&h.failure))
        hit.update({{"tool", l->tool},
                    {"rule", l->ruleId},
                    {"level", l->level},
                    {"file", l->file},
                    {"line", l->line},
                    {"column", l->column},
                    {"message", l->message},
                    {"run_id", l->runId}});
    if (h.run) {
        hit["branch"] = h.run->branch;
        hit["commit"] = h.run->commitSha;
    }
    return hit;
}

const char* orDash(const std::string& s) {
    return s.empty() ? "-" : s.c_str();
}

// printf into a string.
template <typename... Args> std::string formatted(const char* format, Args... args) {
    const int size = std::snprintf(nullptr, 0, format, args...);
    std::string out(static_cast<std::size_t>(size > 0 ? size : 0), '\0');
    std::snprintf(out.data(), out.size() + 1, format, args...);
    return out;
}

} // namespace

std::vector<std::string> searchNotes(const SearchOutcome& outcome) {
    std::vector<std::string> notes;
    if (!outcome.result.backfillNote.empty())
        notes.push_back("note: " + outcome.result.backfillNote);
    if (!outcome.result.vectorFileNote.empty())
        notes.push_back("warning: searched the store, not the vector file: " + outcome.result.vectorFileNote);
    return notes;
}

nlohmann::json searchJson(const SearchOutcome& outcome) {
    const auto& r = outcome.result;
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : r.hits)
        hits.push_back(hitJson(h));
    return {{"model", r.model},          {"backend", r.backend},
            {"searched", r.searched},    {"k", outcome.k},
            {"threshold", r.threshold},  {"elapsed_ms", outcome.elapsedMs},
            {"vectors", r.vectorSource}, {"hits", hits}};
}

std::string searchText(const SearchOutcome& outcome) {
    const auto& r = outcome.result;
    std::string out =
        r.hits.empty()
            ? formatted("no similar incidents (>= %.2f) among %zu failures of %s  (%.1f ms)\n", r.threshold,
                        r.searched, r.model.c_str(), outcome.elapsedMs)
            : formatted("%zu similar incidents among %zu failures of %s on %s  (%.1f ms)\n", r.hits.size(),
                        r.searched, r.model.c_str(), r.backend.c_str(), outcome.elapsedMs);
    for (const auto& h : r.hits) {
        std::string what, runId, message;
        if (const auto* t = std::get_if<contracts::TestFailure>(&h.failure)) {
            what = "test  " + t->suite + "." + t->testName;
            runId = t->runId;
            message = t->message;
        } else if (const auto* l = std::get_if<contracts::LintFailure>(&h.failure)) {
            what = "lint  " + l->ruleId + "  " +
                   (l->file.empty() ? "-" : l->file + ":" + std::to_string(l->line));
            runId = l->runId;
            message = l->message;
        }
        out += formatted("  %.3f  %s  pattern %.12s  failure %s\n", static_cast<double>(h.score),
                         what.c_str(), h.patternId().c_str(), h.failureId().c_str());
        out += formatted("         run %s  branch %s  commit %.12s\n", runId.c_str(),
                         h.run ? orDash(h.run->branch) : "-", h.run ? orDash(h.run->commitSha) : "-");
        out += "         " + message.substr(0, message.find('\n')) + "\n";
    }
    return out;
}

nlohmann::json reindexJson(const ReindexOutcome& outcome) {
    const auto& s = outcome.summary;
    return {{"model", s.model},
            {"embedded", s.embedded},
            {"batches", s.batches},
            {"elapsed_ms", outcome.elapsedMs}};
}

std::string reindexText(const ReindexOutcome& outcome) {
    const auto& s = outcome.summary;
    return formatted("embedded %zu stored failures with %s in %zu batches  (%.1f ms)\n", s.embedded,
                     s.model.c_str(), s.batches, outcome.elapsedMs);
}

} // namespace devos::search
