#pragma once
#include <string>
#include <utility>
#include <vector>

namespace devos::plugin {

// The plugin's arguments (-fplugin-arg-devos-<key>=<value>). None is required: without them the
// plugin applies the shipped rules and the repo config it finds above the source file.
struct PluginOptions {
    std::string config; // config=<file>: a repo config to use instead of the one found
    std::string root;   // root=<dir>: the repo root (default: found from the source file)
    std::string
        summary;       // summary=<file>|off: where to write the effect summary (default: <object>.devos.json)
    std::string today; // today=YYYY-MM-DD: the date allow comments expire against
    std::vector<std::pair<std::string, std::string>> levels; // rule=<id>:<level>
};

// Parses plugin arguments; on failure returns false and sets `error` to a message naming the argument.
bool parsePluginOptions(const std::vector<std::string>& args, PluginOptions& out, std::string& error);

} // namespace devos::plugin
