#include "cli/args.hpp"

namespace devos::cli {

Args::Args(std::set<std::string> valueOptions, std::set<std::string> flags,
           std::map<std::string, std::string> aliases)
    : valueOptions_(std::move(valueOptions)), flags_(std::move(flags)), aliases_(std::move(aliases)) {}

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
            auto shortAlias = aliases_.find(arg.substr(0, 2));
            if (shortAlias != aliases_.end() && valueOptions_.contains(shortAlias->second)) {
                inlineValue = arg.substr(2);
                arg = arg.substr(0, 2);
            }
        }
        if (auto alias = aliases_.find(arg); alias != aliases_.end())
            arg = alias->second;
        if (flags_.contains(arg)) {
            if (inlineValue) {
                error_ = "option " + arg + " takes no value";
                return false;
            }
            values_.emplace(arg, "true");
        } else if (valueOptions_.contains(arg)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size()) {
                    error_ = "option " + arg + " needs a value";
                    return false;
                }
                inlineValue = argv[++i];
            }
            values_.emplace(arg, *inlineValue);
        } else {
            error_ = "unknown option '" + arg + "' (see --help)";
            return false;
        }
    }
    return true;
}

bool Args::has(const std::string& name) const {
    return values_.contains(name);
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto range = values_.equal_range(name);
    if (range.first == range.second)
        return std::nullopt;
    return std::prev(range.second)->second;
}

std::string Args::valueOr(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
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
