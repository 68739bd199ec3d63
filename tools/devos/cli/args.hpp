#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devos::cli {

// How an option takes its value.
enum class OptionKind {
    Flag,     // `--verify`: no value
    Value,    // `--root DIR`: one value (given twice, the last wins)
    Repeated, // `--label a --label b`: every value kept
    Number,   // `--jobs N`: a whole number within [min, max]
    Choice,   // `--format FORMAT`: one of `choices`
};

// One option of a command, declared once: parsing, value checking and its line under "options:" in
// --help all come from this declaration. Build one with flag(), value(), repeated(), number(), choice().
struct Option {
    std::string name{};      // "--build-dir"
    std::string alias{};     // "-p", or empty
    std::string valueName{}; // "DIR", shown in --help; empty for a flag
    std::string help{};      // the help text; a '\n' starts a continuation line
    OptionKind kind = OptionKind::Value;
    std::vector<std::string> choices{}; // Choice: the accepted values
    long min = 0, max = 0;              // Number: the accepted range
    std::string fallback{};             // what Args::value gives when the option is absent; "" for none
    bool listed = true;                 // shown under "options:" (--help itself is not)
    bool required = false;              // parse fails without it (unless --help is given)

    // The same option with a short alias ("-p").
    [[nodiscard]] Option withAlias(std::string shortName) &&;
    // The same option with another help text (a shared option that means more in one command).
    [[nodiscard]] Option withHelp(std::string text) &&;
    // The same option, required: a command line without it is an error naming it.
    [[nodiscard]] Option mandatory() &&;
};

// A boolean option.
[[nodiscard]] Option flag(std::string name, std::string help);
// An option with one value; `fallback` is the value when it is absent ("" for none).
[[nodiscard]] Option value(std::string name, std::string valueName, std::string help,
                           std::string fallback = {});
// An option that may be given more than once; Args::values lists them all.
[[nodiscard]] Option repeated(std::string name, std::string valueName, std::string help);
// A whole number from `min` to `max`.
[[nodiscard]] Option number(std::string name, std::string valueName, long min, long max, std::string help,
                            std::string fallback = {});
// One of `choices`; `fallback` is the value when it is absent.
[[nodiscard]] Option choice(std::string name, std::string valueName, std::vector<std::string> choices,
                            std::string help, std::string fallback = {});

// `first` followed by `more`: a command's own options and the shared ones it reuses.
[[nodiscard]] std::vector<Option> concat(std::vector<Option> first, const std::vector<Option>& more);

// A strict argument parser over declared options: `--name value`, `--name=value`, boolean `--flag`,
// `-p value`, `-pvalue`, and positionals (everything after `--` is positional). Unknown options,
// missing values, values outside a choice or a number's range and a missing required option are
// errors naming the option, so a typo never silently changes behaviour.
class Args {
public:
    // Parses against `options`; `-h`/`--help` is always accepted (as a flag named "--help").
    explicit Args(std::vector<Option> options);

    // Parses; on failure returns false and sets error().
    bool parse(const std::vector<std::string>& argv);
    [[nodiscard]] const std::string& error() const { return error_; }

    // Whether the option was given on the command line.
    [[nodiscard]] bool has(const std::string& name) const;
    // The last value given, else the declared fallback, else nullopt.
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    [[nodiscard]] std::string valueOr(const std::string& name, const std::string& fallback) const;
    // A Number option's value (checked by parse), else nullopt.
    [[nodiscard]] std::optional<long> number(const std::string& name) const;
    // Every value of an option given more than once (`--label a --label b`).
    [[nodiscard]] std::vector<std::string> values(const std::string& name) const;
    [[nodiscard]] const std::vector<std::string>& positionals() const { return positionals_; }
    [[nodiscard]] const std::vector<Option>& options() const { return options_; }

private:
    [[nodiscard]] const Option* find(const std::string& nameOrAlias) const;
    [[nodiscard]] std::optional<std::string> checkValue(const Option& option, const std::string& text) const;

    std::vector<Option> options_;
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
