// `.devos/self-heal.yml` validation. The file adapter flattens the YAML into dotted keys with their
// lines; every key is looked up in one table of known keys, each with its type and range, so an
// unknown key, a wrong type and a value out of range all name the line and the allowed values.
#include <algorithm>
#include <charconv>
#include <devos/logic/self_heal_config.hpp>
#include <string>
#include <vector>

namespace devos::logic {
namespace {

using contracts::ConfigEntry;
using contracts::Expected;
using contracts::SelfHealConfig;

enum class Kind { Bool, Int, String, List, TimeWindow, AgentKind, Branch };

// One known key: its type, its range for integers, and where it goes in the config.
struct KnownKey {
    std::string_view key;
    Kind kind;
    long min = 0;
    long max = 0;
};

constexpr KnownKey kKnownKeys[] = {
    {"enabled", Kind::Bool},
    {"autonomy.level", Kind::Int, 0, 3},
    {"autonomy.autoMergeThreshold.confidence", Kind::Int, 0, 100},
    {"autonomy.autoMergeThreshold.riskScore", Kind::Int, 0, 100},
    {"slo.maxAttemptsPerPattern", Kind::Int, 1, 100},
    {"slo.timeWindow", Kind::TimeWindow},
    {"concurrency.maxConcurrentProposals", Kind::Int, 1, 100},
    {"concurrency.maxConcurrentPRs", Kind::Int, 1, 100},
    {"branches.default", Kind::Branch},
    {"branches.integration", Kind::Branch},
    {"publish.remote", Kind::String},
    {"publish.repository", Kind::String},
    {"publish.api", Kind::String},
    {"pausedPatterns", Kind::List},
    {"flake.reruns", Kind::Int, 0, 20},
    {"commands.configure", Kind::String},
    {"commands.build", Kind::String},
    {"commands.test", Kind::String},
    {"commands.unitTests", Kind::String},
    {"commands.gate", Kind::String},
    {"timeouts.configure", Kind::Int, 1, 86400},
    {"timeouts.build", Kind::Int, 1, 86400},
    {"timeouts.test", Kind::Int, 1, 86400},
    {"timeouts.gate", Kind::Int, 1, 86400},
    {"timeouts.agent", Kind::Int, 1, 3600},
    {"paths.sensitive", Kind::List},
    {"limits.maxFiles", Kind::Int, 1, 1000},
    {"limits.maxChangedLines", Kind::Int, 1, 100000},
    {"limits.maxRiskScore", Kind::Int, 0, 100},
    {"agent.kind", Kind::AgentKind},
    {"agent.url", Kind::String},
    {"agent.model", Kind::String},
};

std::unexpected<contracts::Error> invalid(const contracts::ConfigDocument& doc, const ConfigEntry& e,
                                          std::string message, std::string hint) {
    return contracts::fail(contracts::ErrorKind::Invalid, std::move(message), doc.origin, e.line,
                           std::move(hint));
}

std::string_view parentOf(std::string_view key) {
    const auto dot = key.rfind('.');
    return dot == std::string_view::npos ? std::string_view{} : key.substr(0, dot);
}

// The keys allowed beside `key` (under the same parent; the nearest known parent for a deeper key).
std::string allowedBeside(std::string_view key) {
    const std::string_view parent = parentOf(key);
    std::vector<std::string> names;
    for (const auto& known : kKnownKeys) {
        std::string_view rest = known.key;
        if (!parent.empty()) {
            if (rest.size() <= parent.size() || !rest.starts_with(parent) || rest[parent.size()] != '.')
                continue;
            rest.remove_prefix(parent.size() + 1);
        }
        std::string name(rest.substr(0, rest.find('.')));
        if (std::ranges::find(names, name) == names.end())
            names.push_back(std::move(name));
    }
    if (names.empty())
        return allowedBeside(parent);
    std::string list;
    for (const auto& n : names)
        list += (list.empty() ? "" : ", ") + n;
    return (parent.empty() ? "allowed top-level keys: "
                           : "allowed keys under " + std::string(parent) + ": ") +
           list;
}

bool isParentOfKnownKey(std::string_view key) {
    return std::ranges::any_of(kKnownKeys, [&](const KnownKey& k) {
        return k.key.size() > key.size() && k.key.starts_with(key) && k.key[key.size()] == '.';
    });
}

std::optional<long> integer(std::string_view text) {
    long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

// Stores a validated integer where it belongs.
void setInt(SelfHealConfig& c, std::string_view key, int v) {
    if (key == "autonomy.level")
        c.autonomy.level = v;
    else if (key == "autonomy.autoMergeThreshold.confidence")
        c.autonomy.autoMergeConfidence = v;
    else if (key == "autonomy.autoMergeThreshold.riskScore")
        c.autonomy.autoMergeRiskScore = v;
    else if (key == "slo.maxAttemptsPerPattern")
        c.slo.maxAttemptsPerPattern = v;
    else if (key == "concurrency.maxConcurrentProposals")
        c.concurrency.maxConcurrentProposals = v;
    else if (key == "concurrency.maxConcurrentPRs")
        c.concurrency.maxConcurrentPRs = v;
    else if (key == "flake.reruns")
        c.flakeReruns = v;
    else if (key == "timeouts.configure")
        c.timeouts.configure = v;
    else if (key == "timeouts.build")
        c.timeouts.build = v;
    else if (key == "timeouts.test")
        c.timeouts.test = v;
    else if (key == "timeouts.gate")
        c.timeouts.gate = v;
    else if (key == "timeouts.agent")
        c.timeouts.agent = v;
    else if (key == "limits.maxFiles")
        c.limits.maxFiles = v;
    else if (key == "limits.maxChangedLines")
        c.limits.maxChangedLines = v;
    else if (key == "limits.maxRiskScore")
        c.limits.maxRiskScore = v;
}

void setString(SelfHealConfig& c, std::string_view key, const std::string& v) {
    if (key == "commands.configure")
        c.commands.configure = v;
    else if (key == "commands.build")
        c.commands.build = v;
    else if (key == "commands.test")
        c.commands.test = v;
    else if (key == "commands.unitTests")
        c.commands.unitTests = v;
    else if (key == "commands.gate")
        c.commands.gate = v;
    else if (key == "agent.url")
        c.agent.url = v;
    else if (key == "agent.model")
        c.agent.model = v;
    else if (key == "publish.remote")
        c.publish.remote = v;
    else if (key == "publish.repository")
        c.publish.repository = v;
    else if (key == "publish.api")
        c.publish.api = v;
}

// Why `name` is not a usable branch name (git check-ref-format's rules that matter here), or "".
std::string badBranchName(std::string_view name) {
    if (name.empty())
        return "is empty";
    if (name.starts_with('-') || name.starts_with('/') || name.ends_with('/') || name.ends_with(".lock") ||
        name.ends_with('.'))
        return "cannot start with - or /, or end with /, . or .lock";
    if (name.find("..") != std::string_view::npos || name.find("@{") != std::string_view::npos ||
        name.find("//") != std::string_view::npos)
        return "cannot contain .., @{ or //";
    if (std::ranges::any_of(name, [](char ch) {
            return static_cast<unsigned char>(ch) < 0x21 || ch == 0x7f || ch == '~' || ch == '^' ||
                   ch == ':' || ch == '?' || ch == '*' || ch == '[' || ch == '\\';
        }))
        return "cannot contain spaces, control characters or ~ ^ : ? * [ \\";
    if (name.starts_with("selfheal/"))
        return "cannot be under selfheal/ (DevOS's proposal branches)";
    return "";
}

bool isHex(std::string_view s) {
    return std::ranges::all_of(s,
                               [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); });
}

} // namespace

std::optional<contracts::EpochMillis> parseTimeWindow(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    const auto count = integer(text.substr(0, digits));
    if (!count || *count <= 0 || *count > 100000)
        return std::nullopt;
    std::string_view unit = text.substr(digits);
    while (!unit.empty() && unit.front() == ' ')
        unit.remove_prefix(1);
    struct Unit {
        std::string_view singular, plural, abbreviation;
        contracts::EpochMillis millis;
    };
    constexpr Unit units[] = {{"second", "seconds", "s", 1000},
                              {"minute", "minutes", "m", 60'000},
                              {"hour", "hours", "h", 3'600'000},
                              {"day", "days", "d", 86'400'000},
                              {"week", "weeks", "w", 604'800'000}};
    for (const auto& u : units)
        if (unit == u.singular || unit == u.plural || unit == u.abbreviation)
            return *count * u.millis;
    return std::nullopt;
}

bool isPatternPaused(const SelfHealConfig& config, std::string_view patternId) {
    return std::ranges::any_of(config.pausedPatterns, [&](const std::string& paused) {
        return paused == patternId || (paused.size() >= 12 && patternId.starts_with(paused));
    });
}

Expected<SelfHealConfig> parseSelfHealConfig(const contracts::ConfigDocument& doc) {
    SelfHealConfig config;
    config.origin = doc.origin;
    for (const auto& e : doc.entries) {
        const auto known = std::ranges::find(kKnownKeys, std::string_view(e.key), &KnownKey::key);
        if (known == std::end(kKnownKeys)) {
            if (isParentOfKnownKey(e.key))
                return invalid(doc, e, e.key + " must be a mapping", allowedBeside(e.key + ".x"));
            return invalid(doc, e, "unknown key '" + e.key + "'", allowedBeside(e.key));
        }
        if (known->kind == Kind::List) {
            if (!e.isList)
                return invalid(doc, e, e.key + " must be a list of strings",
                               "write it as [\"a\", \"b\"] or []");
            if (e.key == "pausedPatterns") {
                for (const auto& p : e.list)
                    if (p.size() < 12 || p.size() > 64 || !isHex(p))
                        return invalid(doc, e, "pausedPatterns: '" + p + "' is not a pattern id",
                                       "use a pattern id (64 lower-case hex characters, or its first 12+) "
                                       "as devos ingest or devos heal prints it");
                config.pausedPatterns = e.list;
            } else {
                for (const auto& p : e.list)
                    if (p.empty())
                        return invalid(doc, e, e.key + " has an empty glob", "remove it");
                config.sensitivePaths = e.list;
            }
            continue;
        }
        if (e.isList)
            return invalid(doc, e, e.key + " must be a single value, not a list", "");
        switch (known->kind) {
        case Kind::Bool:
            if (e.scalar != "true" && e.scalar != "false")
                return invalid(doc, e, e.key + " must be true or false, found '" + e.scalar + "'", "");
            config.enabled = e.scalar == "true";
            break;
        case Kind::Int: {
            const auto value = integer(e.scalar);
            if (!value || *value < known->min || *value > known->max)
                return invalid(doc, e,
                               e.key + " must be an integer from " + std::to_string(known->min) + " to " +
                                   std::to_string(known->max) + ", found '" + e.scalar + "'",
                               e.key == "autonomy.level"
                                   ? "0 suggest only, 1 auto-fix dev/beta, 2 auto-merge low risk"
                                   : "");
            setInt(config, e.key, static_cast<int>(*value));
            break;
        }
        case Kind::TimeWindow: {
            const auto millis = parseTimeWindow(e.scalar);
            if (!millis)
                return invalid(doc, e, e.key + " must be a duration, found '" + e.scalar + "'",
                               "write e.g. \"1 day\", \"12 hours\", \"30 minutes\" or \"1 week\"");
            config.slo.timeWindow = e.scalar;
            config.slo.timeWindowMillis = *millis;
            break;
        }
        case Kind::Branch:
            if (const auto bad = badBranchName(e.scalar); !bad.empty())
                return invalid(doc, e, e.key + " '" + e.scalar + "' " + bad,
                               "name a git branch such as dev or beta");
            (e.key == "branches.default" ? config.branches.defaultBranch : config.branches.integration) =
                e.scalar;
            break;
        case Kind::AgentKind:
            if (e.scalar == "playbook")
                config.agent.kind = contracts::AgentChoice::Playbook;
            else if (e.scalar == "chat")
                config.agent.kind = contracts::AgentChoice::Chat;
            else if (e.scalar == "auto")
                config.agent.kind = contracts::AgentChoice::Auto;
            else
                return invalid(doc, e, "agent.kind must be playbook, chat or auto, found '" + e.scalar + "'",
                               "auto tries the playbook first, then the chat model");
            break;
        case Kind::String:
            setString(config, e.key, e.scalar);
            break;
        case Kind::List:
            break;
        }
    }
    if (config.branches.integration == config.branches.defaultBranch) {
        const auto e = std::ranges::find(doc.entries, std::string("branches.integration"), &ConfigEntry::key);
        return invalid(doc, *e,
                       "branches.integration must not be the default branch '" +
                           config.branches.defaultBranch + "': DevOS never writes the default branch",
                       "name an integration branch such as dev or beta");
    }
    return config;
}

} // namespace devos::logic
