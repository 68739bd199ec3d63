#include "cli/args.hpp"

#include <charconv>

namespace devos::cli {

Option Option::withAlias(std::string shortName) && {
    alias = std::move(shortName);
    return std::move(*this);
}

Option Option::withHelp(std::string text) && {
    help = std::move(text);
    return std::move(*this);
}

Option Option::mandatory() && {
    required = true;
    return std::move(*this);
}

Option flag(std::string name, std::string help) {
    return {.name = std::move(name), .help = std::move(help), .kind = OptionKind::Flag};
}

Option value(std::string name, std::string valueName, std::string help, std::string fallback) {
    return {.name = std::move(name),
            .valueName = std::move(valueName),
            .help = std::move(help),
            .kind = OptionKind::Value,
            .fallback = std::move(fallback)};
}

Option repeated(std::string name, std::string valueName, std::string help) {
    return {.name = std::move(name),
            .valueName = std::move(valueName),
            .help = std::move(help),
            .kind = OptionKind::Repeated};
}

Option number(std::string name, std::string valueName, long min, long max, std::string help,
              std::string fallback) {
    return {.name = std::move(name),
            .valueName = std::move(valueName),
            .help = std::move(help),
            .kind = OptionKind::Number,
            .min = min,
            .max = max,
            .fallback = std::move(fallback)};
}

Option choice(std::string name, std::string valueName, std::vector<std::string> choices, std::string help,
              std::string fallback) {
    return {.name = std::move(name),
            .valueName = std::move(valueName),
            .help = std::move(help),
            .kind = OptionKind::Choice,
            .choices = std::move(choices),
            .fallback = std::move(fallback)};
}

std::vector<Option> concat(std::vector<Option> first, const std::vector<Option>& more) {
    first.insert(first.end(), more.begin(), more.end());
    return first;
}

namespace {

Option helpOption() {
    Option help = flag("--help", "print this help and stop");
    help.alias = "-h";
    help.listed = false;
    return help;
}

} // namespace

Args::Args(std::vector<Option> options) : options_(std::move(options)) {
    if (!find("--help"))
        options_.push_back(helpOption());
}

const Option* Args::find(const std::string& nameOrAlias) const {
    for (const auto& option : options_)
        if (option.name == nameOrAlias || (!option.alias.empty() && option.alias == nameOrAlias))
            return &option;
    return nullptr;
}

std::optional<std::string> Args::checkValue(const Option& option, const std::string& text) const {
    if (option.kind == OptionKind::Choice) {
        std::vector<std::string_view> accepted(option.choices.begin(), option.choices.end());
        return notOneOf(option.name, text, accepted);
    }
    if (option.kind == OptionKind::Number) {
        long n = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (error != std::errc{} || end != text.data() + text.size() || n < option.min || n > option.max)
            return option.name + " needs a number from " + std::to_string(option.min) + " to " +
                   std::to_string(option.max) + ", not '" + text + "'";
    }
    return std::nullopt;
}

bool Args::parse(const std::vector<std::string>& argv) {
    bool onlyPositionals = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string arg = argv[i];
        if (onlyPositionals || arg.empty() || arg[0] != '-' || arg == "-") {
            positionals_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositionals = true;
            continue;
        }
        std::optional<std::string> inlineValue;
        if (size_t eq = arg.find('='); eq != std::string::npos && arg.starts_with("--")) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        // A short option with its value attached: -j2, -pbuild.
        if (!inlineValue && arg.size() > 2 && arg[1] != '-') {
            const Option* attached = find(arg.substr(0, 2));
            if (attached && attached->kind != OptionKind::Flag) {
                inlineValue = arg.substr(2);
                arg = arg.substr(0, 2);
            }
        }
        const Option* option = find(arg);
        if (!option) {
            error_ = "unknown option '" + arg + "' (see --help)";
            return false;
        }
        if (option->kind == OptionKind::Flag) {
            if (inlineValue) {
                error_ = "option " + option->name + " takes no value";
                return false;
            }
            values_.emplace(option->name, "true");
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= argv.size()) {
                error_ = "option " + option->name + " needs a value";
                return false;
            }
            inlineValue = argv[++i];
        }
        if (auto wrong = checkValue(*option, *inlineValue)) {
            error_ = *wrong;
            return false;
        }
        values_.emplace(option->name, *inlineValue);
    }
    if (has("--help"))
        return true;
    for (const auto& option : options_)
        if (option.required && !has(option.name)) {
            error_ = "missing " + option.name + (option.valueName.empty() ? "" : " " + option.valueName) +
                     " (" + option.help.substr(0, option.help.find('\n')) + ")";
            return false;
        }
    return true;
}

bool Args::has(const std::string& name) const {
    return values_.contains(name);
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto range = values_.equal_range(name);
    if (range.first != range.second)
        return std::prev(range.second)->second;
    if (const Option* option = find(name); option && !option->fallback.empty())
        return option->fallback;
    return std::nullopt;
}

std::string Args::valueOr(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

std::optional<long> Args::number(const std::string& name) const {
    auto text = value(name);
    long n = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), n).ec != std::errc{})
        return std::nullopt;
    return n;
}

std::vector<std::string> Args::values(const std::string& name) const {
    std::vector<std::string> out;
    for (auto [it, end] = values_.equal_range(name); it != end; ++it)
        out.push_back(it->second);
    return out;
}

std::optional<std::string> notOneOf(std::string_view option, const std::string& value,
                                    const std::vector<std::string_view>& accepted) {
    for (auto a : accepted)
        if (value == a)
            return std::nullopt;
    std::string list;
    for (std::size_t i = 0; i < accepted.size(); ++i)
        list += (i == 0 ? "" : i + 1 == accepted.size() ? " or " : ", ") + std::string(accepted[i]);
    return std::string(option) + " must be " + list + ", not '" + value + "'";
}

std::optional<std::string> buildDirProblem(const Args& args) {
    if (!args.positionals().empty())
        return "unexpected argument '" + args.positionals().front() +
               "' (this command takes options only; see --help)";
    if (!args.value("--build-dir"))
        return std::string("give the CMake build folder with -p <build-dir>");
    return std::nullopt;
}

} // namespace devos::cli
