#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace devos::cli {

// A small, strict argument parser: `--name value`, `--name=value`, boolean `--flag`, `-p value`,
// and positionals. Unknown options are errors, so a typo never silently changes behaviour.
class Args {
public:
    // `valueOptions` take a value, `flags` do not; aliases map short to long ("-p" -> "--build-dir").
    Args(std::set<std::string> valueOptions, std::set<std::string> flags,
         std::map<std::string, std::string> aliases = {});

    // Parses; on failure returns false and sets error().
    bool parse(const std::vector<std::string>& argv);
    [[nodiscard]] const std::string& error() const { return error_; }

    [[nodiscard]] bool has(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    [[nodiscard]] std::string valueOr(const std::string& name, const std::string& fallback) const;
    // Every value of an option given more than once (`--label a --label b`).
    [[nodiscard]] std::vector<std::string> values(const std::string& name) const;
    [[nodiscard]] const std::vector<std::string>& positionals() const { return positionals_; }

private:
    std::set<std::string> valueOptions_, flags_;
    std::map<std::string, std::string> aliases_;
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> positionals_;
    std::string error_;
};

// "--format must be text or json, not 'xml'" when `value` is not one of `accepted`, else nullopt.
[[nodiscard]] std::optional<std::string> notOneOf(std::string_view option, const std::string& value,
                                                  const std::vector<std::string_view>& accepted);

// What is wrong with the arguments of a command that reads a build folder (-p) and takes no
// positional argument: a stray argument, or no -p; nullopt when they fit.
[[nodiscard]] std::optional<std::string> buildDirProblem(const Args& args);

} // namespace devos::cli
