// A text is read once by the keyword index, which says which rules can match it; only those rules'
// RE2 patterns run, each over the whole text (RE2 is linear time, so a hostile text cannot make a
// scan slow). A match's secret then has to clear the rule's entropy floor and every allowlist that
// applies (the rule's own and the global ones), as in gitleaks.
#include "gitleaks_config.hpp"
#include "keyword_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <devos/foundation/files.hpp>
#include <devos/policy/secret_rules.hpp>
#include <map>
#include <re2/re2.h>

namespace devos::policy {
namespace {

constexpr std::string_view kShippedFile = "policy/secrets.toml (built in)";
constexpr std::string_view kRedacted = "[REDACTED]";

struct CompiledAllowlist {
    AllowCondition condition = AllowCondition::Or;
    RegexTarget target = RegexTarget::Secret;
    std::vector<std::unique_ptr<re2::RE2>> regexes;
    std::vector<std::unique_ptr<re2::RE2>> paths;
    std::vector<std::string> stopwords;
    bool hasCommits = false;
    std::vector<size_t> onlyRules; // a global allowlist's targetRules; empty = every rule
};

struct CompiledRule {
    std::unique_ptr<re2::RE2> regex; // null for a rule that matches paths only
    std::unique_ptr<re2::RE2> path;
    int secretGroup = 0; // 0: the first group that matched, else the whole match
    double entropy = 0;
    bool hasKeywords = false;
    std::vector<CompiledAllowlist> allowlists;
};

// What an allowlist's regexes and stopwords look at for one match.
struct MatchTexts {
    std::string_view secret;
    std::string_view match;
    std::string_view line;
    std::string_view path;
};

std::unexpected<foundation::Error> failAt(const std::string& file, unsigned line, std::string message,
                                          std::string hint = {}) {
    return foundation::fail(foundation::ErrorKind::Invalid, std::move(message), file, line, std::move(hint));
}

foundation::Expected<std::unique_ptr<re2::RE2>> compileRegex(const PatternText& pattern,
                                                             const std::string& what) {
    re2::RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_unique<re2::RE2>(pattern.text, options);
    if (!regex->ok())
        return failAt(
            pattern.file, pattern.line, what + " is not a regex RE2 can compile: " + regex->error(),
            "devos runs gitleaks regexes with RE2, which reads Go's regexp syntax (no lookaround, no "
            "backreferences); rewrite that part of the regex");
    return regex;
}

foundation::Expected<CompiledAllowlist> compileAllowlist(const AllowlistDefinition& definition,
                                                         const std::string& owner) {
    if (definition.regexes.empty() && definition.paths.empty() && definition.stopwords.empty() &&
        definition.commits.empty())
        return failAt(definition.file, definition.line, "an allowlist of " + owner + " has nothing to allow",
                      "give it regexes, paths or stopwords, or remove it");
    CompiledAllowlist list;
    list.condition = definition.condition;
    list.target = definition.target;
    list.stopwords = definition.stopwords;
    list.hasCommits = !definition.commits.empty();
    for (const auto& pattern : definition.regexes) {
        auto regex = compileRegex(pattern, "an allowlist regex of " + owner);
        if (!regex)
            return std::unexpected(regex.error());
        list.regexes.push_back(std::move(*regex));
    }
    for (const auto& pattern : definition.paths) {
        auto regex = compileRegex(pattern, "an allowlist path of " + owner);
        if (!regex)
            return std::unexpected(regex.error());
        list.paths.push_back(std::move(*regex));
    }
    return list;
}

bool anyMatches(const std::vector<std::unique_ptr<re2::RE2>>& regexes, std::string_view text) {
    const re2::StringPiece input(text.data(), text.size());
    return std::any_of(regexes.begin(), regexes.end(),
                       [&](const auto& regex) { return re2::RE2::PartialMatch(input, *regex); });
}

// gitleaks' allowlist: with OR any criterion it has allows the match, with AND all of them must.
// A tree scan has no commit, so a `commits` criterion never holds.
bool allows(const CompiledAllowlist& list, const MatchTexts& texts) {
    std::array<int, 4> results{}; // -1 absent, 0 false, 1 true: commits, paths, regexes, stopwords
    results[0] = list.hasCommits ? 0 : -1;
    results[1] = list.paths.empty() ? -1 : (!texts.path.empty() && anyMatches(list.paths, texts.path));
    if (list.regexes.empty())
        results[2] = -1;
    else {
        const std::string_view target = list.target == RegexTarget::Secret  ? texts.secret
                                        : list.target == RegexTarget::Match ? texts.match
                                                                            : texts.line;
        results[2] = anyMatches(list.regexes, target);
    }
    if (list.stopwords.empty())
        results[3] = -1;
    else {
        const std::string secret = lowerAscii(texts.secret);
        results[3] = std::any_of(list.stopwords.begin(), list.stopwords.end(), [&](const std::string& word) {
            return secret.find(word) != std::string::npos;
        });
    }
    if (list.condition == AllowCondition::Or)
        return std::any_of(results.begin(), results.end(), [](int r) { return r == 1; });
    return std::all_of(results.begin(), results.end(), [](int r) { return r != 0; });
}

std::string_view lineAround(std::string_view text, size_t begin, size_t end) {
    size_t start = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    start = (start == std::string_view::npos || begin == 0) ? 0 : start + 1;
    size_t stop = text.find('\n', end);
    if (stop == std::string_view::npos)
        stop = text.size();
    return text.substr(start, stop - start);
}

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

struct SecretRules::Compiled {
    std::vector<SecretRuleInfo> infos;
    std::vector<CompiledRule> rules;
    std::vector<CompiledAllowlist> global;
    std::unique_ptr<KeywordIndex> keywords;
    std::vector<std::vector<size_t>> rulesOfKeyword;
    size_t keywordCount = 0;

    // The hits of every rule, unresolved; `path` empty for text that is not a file.
    std::vector<SecretHit> allHits(std::string_view text, std::string_view path) const;
    bool allowed(size_t rule, const MatchTexts& texts) const {
        for (const auto& list : rules[rule].allowlists)
            if (allows(list, texts))
                return true;
        for (const auto& list : global) {
            if (!list.onlyRules.empty() &&
                std::find(list.onlyRules.begin(), list.onlyRules.end(), rule) == list.onlyRules.end())
                continue;
            if (allows(list, texts))
                return true;
        }
        return false;
    }
};

std::vector<SecretHit> SecretRules::Compiled::allHits(std::string_view text, std::string_view path) const {
    std::vector<char> found(keywordCount, 0);
    if (keywordCount > 0)
        keywords->mark(text, found);
    std::vector<char> candidate(rules.size(), 0);
    for (size_t r = 0; r < rules.size(); ++r)
        candidate[r] = !rules[r].hasKeywords;
    for (size_t k = 0; k < keywordCount; ++k)
        if (found[k])
            for (size_t r : rulesOfKeyword[k])
                candidate[r] = 1;
    std::vector<SecretHit> hits;
    const re2::StringPiece input(text.data(), text.size());
    std::vector<re2::StringPiece> groups;
    for (size_t r = 0; r < rules.size(); ++r) {
        if (!candidate[r])
            continue;
        const CompiledRule& rule = rules[r];
        if (rule.path &&
            (path.empty() || !re2::RE2::PartialMatch(re2::StringPiece(path.data(), path.size()), *rule.path)))
            continue;
        if (!rule.regex) {
            if (!allowed(r, {{}, {}, {}, path}))
                hits.push_back({r, 0, 0, 0, 0});
            continue;
        }
        const int count = rule.regex->NumberOfCapturingGroups() + 1;
        groups.assign(static_cast<size_t>(count), re2::StringPiece());
        size_t pos = 0;
        while (pos <= text.size() &&
               rule.regex->Match(input, pos, text.size(), re2::RE2::UNANCHORED, groups.data(), count)) {
            const size_t offset = static_cast<size_t>(groups[0].data() - text.data());
            pos = offset + std::max<size_t>(groups[0].size(), 1);
            if (groups[0].empty())
                continue;
            re2::StringPiece secret = groups[0];
            if (rule.secretGroup > 0)
                secret = groups[static_cast<size_t>(rule.secretGroup)];
            else
                for (int g = 1; g < count; ++g)
                    if (!groups[static_cast<size_t>(g)].empty()) {
                        secret = groups[static_cast<size_t>(g)];
                        break;
                    }
            if (secret.empty())
                continue;
            const std::string_view secretText(secret.data(), secret.size());
            if (rule.entropy > 0 && shannonEntropy(secretText) <= rule.entropy)
                continue;
            const std::string_view matchText(groups[0].data(), groups[0].size());
            const size_t secretOffset = static_cast<size_t>(secret.data() - text.data());
            const MatchTexts texts{secretText, matchText, lineAround(text, offset, offset + matchText.size()),
                                   path};
            if (allowed(r, texts))
                continue;
            hits.push_back({r, offset, matchText.size(), secretOffset, secretText.size()});
        }
    }
    return hits;
}

SecretRules::SecretRules(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
SecretRules::SecretRules(SecretRules&&) noexcept = default;
SecretRules& SecretRules::operator=(SecretRules&&) noexcept = default;
SecretRules::~SecretRules() = default;

std::vector<SecretHit> SecretRules::find(std::string_view text, std::string_view path) const {
    std::vector<SecretHit> hits = compiled_->allHits(text, path);
    // The rule written first wins an overlap: visit the hits in rule order and keep those whose
    // secret overlaps no kept one (kept spans by start, in a map).
    std::sort(hits.begin(), hits.end(), [](const SecretHit& a, const SecretHit& b) {
        return a.rule != b.rule ? a.rule < b.rule : a.secretOffset < b.secretOffset;
    });
    std::map<size_t, size_t> kept; // secret start -> end
    std::vector<SecretHit> out;
    for (const auto& hit : hits) {
        const size_t begin = hit.secretOffset;
        const size_t end = hit.secretOffset + hit.secretLength;
        if (hit.secretLength > 0) {
            auto after = kept.lower_bound(begin);
            if (after != kept.end() && after->first < end)
                continue;
            if (after != kept.begin() && std::prev(after)->second > begin)
                continue;
            kept.emplace(begin, end);
        }
        out.push_back(hit);
    }
    std::sort(out.begin(), out.end(), [](const SecretHit& a, const SecretHit& b) {
        return a.secretOffset != b.secretOffset ? a.secretOffset < b.secretOffset : a.rule < b.rule;
    });
    return out;
}

std::string SecretRules::redact(std::string_view text) const {
    std::vector<SecretHit> hits = compiled_->allHits(text, {});
    if (hits.empty())
        return std::string(text);
    std::sort(hits.begin(), hits.end(),
              [](const SecretHit& a, const SecretHit& b) { return a.secretOffset < b.secretOffset; });
    std::string out;
    out.reserve(text.size());
    size_t copied = 0;
    for (const auto& hit : hits) {
        const size_t end = hit.secretOffset + hit.secretLength;
        if (end <= copied)
            continue; // inside a span already redacted
        if (hit.secretOffset >= copied) {
            out.append(text.substr(copied, hit.secretOffset - copied));
            out.append(kRedacted);
        }
        copied = end; // an overlapping span extends the one just written
    }
    out.append(text.substr(copied));
    return out;
}

bool SecretRules::allowsPath(std::string_view path) const {
    const auto& global = compiled_->global;
    return std::any_of(global.begin(), global.end(), [&](const CompiledAllowlist& list) {
        return list.onlyRules.empty() && list.condition == AllowCondition::Or && anyMatches(list.paths, path);
    });
}

std::string SecretRules::redactedMatch(std::string_view text, const SecretHit& hit) {
    if (hit.matchLength == 0)
        return "";
    constexpr size_t kContext = 40;
    const std::string_view match = text.substr(hit.matchOffset, hit.matchLength);
    const size_t secretBegin = hit.secretOffset - hit.matchOffset;
    const size_t secretEnd = secretBegin + hit.secretLength;
    std::string_view before = match.substr(0, secretBegin);
    if (size_t newline = before.rfind('\n'); newline != std::string_view::npos)
        before = before.substr(newline + 1);
    if (before.size() > kContext) {
        before = before.substr(before.size() - kContext);
        while (!before.empty() && isContinuationByte(before.front()))
            before.remove_prefix(1);
    }
    std::string_view after = match.substr(secretEnd);
    after = after.substr(0, after.find('\n'));
    if (after.size() > kContext) {
        after = after.substr(0, kContext);
        while (!after.empty() && isContinuationByte(after.back()))
            after.remove_suffix(1);
    }
    return std::string(before) + std::string(kRedacted) + std::string(after);
}

const std::vector<SecretRuleInfo>& SecretRules::rules() const {
    return compiled_->infos;
}

foundation::Expected<GitleaksConfig> readGitleaksConfig(const std::string& path, const std::string& shownAs) {
    auto text = foundation::readTextFile(path, "the gitleaks configuration");
    if (!text) {
        text.error().file = shownAs;
        text.error().hint =
            "check the path in .devos/devos.yml scan.gitleaks_config (it is relative to the repo root)";
        return std::unexpected(text.error());
    }
    return GitleaksConfig{std::move(*text), shownAs};
}

foundation::Expected<SecretRules> compileSecretRules(SecretUse use,
                                                     const std::optional<GitleaksConfig>& repoConfig) {
    auto shipped = parseGitleaksConfig(shippedSecretRulesToml(), std::string(kShippedFile));
    if (!shipped)
        return std::unexpected(shipped.error());
    ConfigDefinition config = std::move(*shipped);
    if (repoConfig) {
        auto user = parseGitleaksConfig(repoConfig->text, repoConfig->file);
        if (!user)
            return std::unexpected(user.error());
        if (use == SecretUse::Redact || user->useDefault) {
            auto extended = extendConfig(std::move(config), std::move(*user));
            if (!extended)
                return std::unexpected(extended.error());
            config = std::move(*extended);
        } else if (user->rules.empty()) {
            return failAt(user->file, 1,
                          "the configuration has no rules and does not extend the built-in ones",
                          "add [[rules]], or [extend] useDefault = true to use DevOS's rules with yours");
        } else {
            config = std::move(*user);
        }
    }
    auto compiled = std::make_unique<SecretRules::Compiled>();
    std::vector<std::string> keywordList;
    std::map<std::string, size_t> keywordIds;
    for (const auto& definition : config.rules) {
        if (use == SecretUse::Scan && definition.redactOnly.value_or(false))
            continue;
        const std::string owner = "rule '" + definition.id + "'";
        if (!definition.regex && !definition.path)
            return failAt(definition.file, definition.line, owner + " has no regex and no path",
                          "give it a regex (and keywords) or a path");
        CompiledRule rule;
        const size_t index = compiled->rules.size();
        if (definition.regex) {
            auto regex = compileRegex(*definition.regex, "the regex of " + owner);
            if (!regex)
                return std::unexpected(regex.error());
            rule.regex = std::move(*regex);
        }
        if (definition.path) {
            auto path = compileRegex(*definition.path, "the path of " + owner);
            if (!path)
                return std::unexpected(path.error());
            rule.path = std::move(*path);
        }
        if (definition.secretGroup) {
            const int groups = rule.regex ? rule.regex->NumberOfCapturingGroups() : 0;
            if (*definition.secretGroup > groups)
                return failAt(definition.secretGroupFile, definition.secretGroupLine,
                              "secretGroup " + std::to_string(*definition.secretGroup) + " of " + owner +
                                  ", but its regex has " + std::to_string(groups) + " group(s)",
                              "number the groups ( ... ) from 1 in the order their '(' appear; 0 means the "
                              "whole match");
            rule.secretGroup = static_cast<int>(*definition.secretGroup);
        }
        rule.entropy = definition.entropy.value_or(0);
        for (const auto& list : definition.allowlists) {
            auto allowlist = compileAllowlist(list, owner);
            if (!allowlist)
                return std::unexpected(allowlist.error());
            rule.allowlists.push_back(std::move(*allowlist));
        }
        if (definition.keywords && !definition.keywords->empty()) {
            rule.hasKeywords = true;
            for (const auto& keyword : *definition.keywords) {
                auto [it, added] = keywordIds.emplace(keyword, keywordList.size());
                if (added) {
                    keywordList.push_back(keyword);
                    compiled->rulesOfKeyword.emplace_back();
                }
                compiled->rulesOfKeyword[it->second].push_back(index);
            }
        }
        compiled->infos.push_back({definition.id, definition.description.value_or(definition.id),
                                   definition.redactOnly.value_or(false)});
        compiled->rules.push_back(std::move(rule));
    }
    for (const auto& definition : config.allowlists) {
        auto allowlist = compileAllowlist(definition, "the configuration");
        if (!allowlist)
            return std::unexpected(allowlist.error());
        for (const auto& id : definition.targetRules) {
            const bool known = std::any_of(config.rules.begin(), config.rules.end(),
                                           [&](const RuleDefinition& r) { return r.id == id; });
            if (!known)
                return failAt(definition.file, definition.line,
                              "the allowlist's targetRules names '" + id +
                                  "', which is no rule of the configuration",
                              "fix the id, or remove it from targetRules");
            for (size_t r = 0; r < compiled->infos.size(); ++r)
                if (compiled->infos[r].id == id)
                    allowlist->onlyRules.push_back(r);
        }
        if (!definition.targetRules.empty() && allowlist->onlyRules.empty())
            continue; // every rule it names is redact-only, and this set is for the scan
        compiled->global.push_back(std::move(*allowlist));
    }
    compiled->keywordCount = keywordList.size();
    compiled->keywords = std::make_unique<KeywordIndex>(keywordList);
    return SecretRules(std::move(compiled));
}

double shannonEntropy(std::string_view text) {
    if (text.empty())
        return 0;
    std::array<size_t, 256> counts{};
    for (unsigned char c : text)
        ++counts[c];
    double bits = 0;
    const double size = static_cast<double>(text.size());
    for (size_t count : counts)
        if (count > 0) {
            const double p = static_cast<double>(count) / size;
            bits -= p * std::log2(p);
        }
    return bits;
}

} // namespace devos::policy
