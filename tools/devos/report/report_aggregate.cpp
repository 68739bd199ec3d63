#include "report/report_aggregate.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

namespace devos::report {
namespace {

std::vector<std::pair<std::string, long>> byCount(const std::map<std::string, long>& counts) {
    std::vector<std::pair<std::string, long>> out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(b.second, a.first) < std::tie(a.second, b.first);
    });
    return out;
}

// A layer name at the start of `text` ending in '/': "logic/ may ..." -> "logic".
std::optional<std::string> layerWord(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[n])) || text[n] == '_' || text[n] == '-'))
        ++n;
    if (n == 0 || n >= text.size() || text[n] != '/')
        return std::nullopt;
    return std::string(text.substr(0, n));
}

long long daysSinceEpoch(long long epochMillis) {
    using namespace std::chrono;
    return floor<days>(sys_time<milliseconds>(milliseconds(epochMillis))).time_since_epoch().count();
}

std::string dayText(long long day) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days(days(day))};
    const auto padded = [](long value, std::size_t width) {
        std::string digits = std::to_string(value);
        return std::string(digits.size() < width ? width - digits.size() : 0, '0') + digits;
    };
    return padded(static_cast<int>(ymd.year()), 4) + "-" + padded(static_cast<unsigned>(ymd.month()), 2) +
           "-" + padded(static_cast<unsigned>(ymd.day()), 2);
}

} // namespace

const char* stateName(FindingState state) {
    switch (state) {
    case FindingState::New:
        return "new";
    case FindingState::Baselined:
        return "baselined";
    case FindingState::Allowed:
        return "allowed";
    }
    return "new";
}

void sortFindings(std::vector<FindingEntry>& findings) {
    std::sort(findings.begin(), findings.end(), [](const FindingEntry& a, const FindingEntry& b) {
        return std::tie(a.state, a.file, a.line, a.rule, a.message, a.gate, a.fingerprint, a.expires) <
               std::tie(b.state, b.file, b.line, b.rule, b.message, b.gate, b.fingerprint, b.expires);
    });
}

FindingCounts countFindings(const std::vector<FindingEntry>& findings) {
    FindingCounts c;
    std::map<std::string, long> rules, files;
    for (const auto& f : findings) {
        ++c.total;
        c.fresh += f.state == FindingState::New;
        c.baselined += f.state == FindingState::Baselined;
        c.allowed += f.state == FindingState::Allowed;
        c.errors += f.state == FindingState::New && f.level == "error";
        c.warnings += f.state == FindingState::New && f.level == "warning";
        ++rules[f.rule];
        ++files[f.file];
    }
    c.byRule = byCount(rules);
    c.byFile = byCount(files);
    return c;
}

std::optional<std::pair<std::string, std::string>> violatedEdge(const FindingEntry& finding) {
    if (!finding.rule.starts_with("layer."))
        return std::nullopt;
    auto from = layerWord(finding.message);
    if (!from)
        return std::nullopt;
    const std::string_view verb = " may not include ";
    std::string_view rest = std::string_view(finding.message).substr(from->size() + 1);
    if (!rest.starts_with(verb))
        return std::nullopt;
    auto to = layerWord(rest.substr(verb.size()));
    if (!to)
        return std::nullopt;
    return std::pair(*from, *to);
}

std::vector<LayerEdge> layerEdges(const std::vector<LayerNode>& layers,
                                  const std::vector<FindingEntry>& findings) {
    std::set<std::string> names;
    for (const auto& l : layers)
        names.insert(l.name);
    std::map<std::pair<std::string, std::string>, LayerEdge> edges;
    for (const auto& l : layers)
        for (const auto& to : l.mayInclude)
            if (names.contains(to) && to != l.name)
                edges[{l.name, to}] = LayerEdge{l.name, to, true, 0};
    for (const auto& f : findings) {
        if (f.state != FindingState::New)
            continue;
        auto edge = violatedEdge(f);
        if (!edge || !names.contains(edge->first) || !names.contains(edge->second))
            continue;
        auto [it, fresh] = edges.try_emplace(*edge, LayerEdge{edge->first, edge->second, false, 0});
        ++it->second.violations;
    }
    std::vector<LayerEdge> out;
    for (auto& [key, edge] : edges)
        out.push_back(std::move(edge));
    return out;
}

std::string utcDay(long long epochMillis) {
    return dayText(daysSinceEpoch(epochMillis));
}

std::vector<DayCount> failuresPerDay(const std::vector<FailureRecord>& failures, int maxDays) {
    std::map<long long, long> perDay;
    for (const auto& f : failures)
        ++perDay[daysSinceEpoch(f.ts)];
    std::vector<DayCount> out;
    if (perDay.empty() || maxDays <= 0)
        return out;
    const long long last = perDay.rbegin()->first;
    const long long first = std::max(perDay.begin()->first, last - maxDays + 1);
    for (long long day = first; day <= last; ++day) {
        auto it = perDay.find(day);
        out.push_back({dayText(day), it == perDay.end() ? 0 : it->second});
    }
    return out;
}

std::vector<FailureRecord> failuresInWindow(const std::vector<FailureRecord>& failures, int maxDays) {
    std::vector<FailureRecord> out;
    if (failures.empty() || maxDays <= 0)
        return out;
    long long last = daysSinceEpoch(failures.front().ts);
    for (const auto& f : failures)
        last = std::max(last, daysSinceEpoch(f.ts));
    for (const auto& f : failures)
        if (daysSinceEpoch(f.ts) > last - maxDays)
            out.push_back(f);
    return out;
}

std::vector<PatternRepresentative> patternRepresentatives(const std::vector<FailureRecord>& failures,
                                                          std::size_t limit) {
    std::map<std::string, PatternRepresentative> patterns;
    for (std::size_t i = 0; i < failures.size(); ++i) {
        const FailureRecord& f = failures[i];
        auto [it, fresh] = patterns.try_emplace(f.patternId, PatternRepresentative{f.patternId, 0, i});
        ++it->second.failures;
        if (f.ts > failures[it->second.newest].ts)
            it->second.newest = i;
    }
    std::vector<PatternRepresentative> out;
    for (auto& [id, p] : patterns)
        out.push_back(std::move(p));
    std::sort(out.begin(), out.end(), [](const PatternRepresentative& a, const PatternRepresentative& b) {
        return std::tie(b.failures, a.patternId) < std::tie(a.failures, b.patternId);
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

std::vector<IncidentCluster> similarIncidentClusters(const std::vector<FailureRecord>& failures,
                                                     const std::vector<PatternRepresentative>& patterns,
                                                     const std::vector<std::vector<std::size_t>>& similar) {
    std::vector<std::vector<std::size_t>> members;
    std::vector<bool> taken(patterns.size(), false);
    for (std::size_t leader = 0; leader < patterns.size(); ++leader) {
        if (taken[leader])
            continue;
        taken[leader] = true;
        std::vector<std::size_t> group{leader};
        if (leader < similar.size())
            for (std::size_t other : similar[leader])
                if (other < patterns.size() && !taken[other]) {
                    taken[other] = true;
                    group.push_back(other);
                }
        if (group.size() >= 2) {
            std::sort(group.begin() + 1, group.end());
            members.push_back(std::move(group));
        }
    }
    std::map<std::string, std::size_t> clusterOf;
    for (std::size_t c = 0; c < members.size(); ++c)
        for (std::size_t p : members[c])
            clusterOf[patterns[p].patternId] = c;
    std::vector<IncidentCluster> out(members.size());
    std::vector<long long> first(members.size(), 0), last(members.size(), 0);
    for (std::size_t c = 0; c < members.size(); ++c) {
        const FailureRecord& newest = failures[patterns[members[c].front()].newest];
        out[c].example =
            newest.suite + "." + newest.test + ": " + newest.message.substr(0, newest.message.find('\n'));
        for (std::size_t p : members[c])
            out[c].patternIds.push_back(patterns[p].patternId);
        first[c] = last[c] = newest.ts;
    }
    for (const auto& f : failures) {
        auto it = clusterOf.find(f.patternId);
        if (it == clusterOf.end())
            continue;
        ++out[it->second].failures;
        first[it->second] = std::min(first[it->second], f.ts);
        last[it->second] = std::max(last[it->second], f.ts);
    }
    for (std::size_t c = 0; c < members.size(); ++c) {
        out[c].firstSeen = utcDay(first[c]);
        out[c].lastSeen = utcDay(last[c]);
    }
    std::sort(out.begin(), out.end(), [](const IncidentCluster& a, const IncidentCluster& b) {
        return std::tie(b.failures, a.patternIds.front()) < std::tie(a.failures, b.patternIds.front());
    });
    return out;
}

std::vector<PatternCount> topPatterns(const std::vector<FailureRecord>& failures, int limit) {
    std::map<std::string, PatternCount> patterns;
    std::map<std::string, long long> newest;
    for (const auto& f : failures) {
        auto& p = patterns[f.patternId];
        p.patternId = f.patternId;
        ++p.occurrences;
        auto [it, fresh] = newest.try_emplace(f.patternId, f.ts);
        if (fresh || f.ts >= it->second) {
            it->second = f.ts;
            p.example = f.suite + "." + f.test + ": " + f.message.substr(0, f.message.find('\n'));
        }
    }
    std::vector<PatternCount> out;
    for (auto& [id, p] : patterns)
        if (p.occurrences >= 2)
            out.push_back(std::move(p));
    std::sort(out.begin(), out.end(), [](const PatternCount& a, const PatternCount& b) {
        return std::tie(b.occurrences, a.patternId) < std::tie(a.occurrences, b.patternId);
    });
    if (limit >= 0 && out.size() > static_cast<std::size_t>(limit))
        out.resize(static_cast<std::size_t>(limit));
    return out;
}

std::vector<FlakyTest> flakyTests(const std::vector<FailureRecord>& failures,
                                  const std::vector<PassRecord>& passes) {
    std::map<std::string, std::set<std::string>> failedRuns, passedRuns;
    for (const auto& f : failures)
        failedRuns[f.suite + "." + f.test].insert(f.runId);
    for (const auto& p : passes)
        passedRuns[p.suite + "." + p.test].insert(p.runId);
    std::vector<FlakyTest> out;
    for (const auto& [test, runs] : failedRuns) {
        auto passed = passedRuns.find(test);
        if (passed == passedRuns.end())
            continue;
        out.push_back({test, static_cast<long>(runs.size()), static_cast<long>(passed->second.size())});
    }
    std::sort(out.begin(), out.end(), [](const FlakyTest& a, const FlakyTest& b) {
        return std::tie(b.failed, a.test) < std::tie(a.failed, b.test);
    });
    return out;
}

} // namespace devos::report
