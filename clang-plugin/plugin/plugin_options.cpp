#include "plugin_options.hpp"

#include <devos/engine/allow_comment.hpp>
#include <filesystem>

namespace devos::plugin {

bool parsePluginOptions(const std::vector<std::string>& args, PluginOptions& out, std::string& error) {
    for (const auto& arg : args) {
        size_t eq = arg.find('=');
        std::string key = arg.substr(0, eq);
        std::string value = eq == std::string::npos ? std::string{} : arg.substr(eq + 1);
        if (eq == std::string::npos || value.empty()) {
            error = "devos plugin argument '" + arg + "' needs a value (key=value)";
            return false;
        }
        if (key == "config")
            out.config = value;
        else if (key == "root") {
            std::error_code ec;
            if (!std::filesystem::is_directory(value, ec)) {
                error = "devos plugin argument 'root=" + value +
                        "' is not a folder: give the repo root (the folder that holds .devos/)";
                return false;
            }
            out.root = value;
        } else if (key == "summary")
            out.summary = value;
        else if (key == "today") {
            if (!engine::isIsoDate(value)) {
                error = "devos plugin argument 'today=" + value + "' must be a date that exists, YYYY-MM-DD";
                return false;
            }
            out.today = value;
        } else if (key == "policy-hash") {
            // A hash of the repo config the build system passes so that an edit to the config changes
            // the command line, and the compile (and any compiler cache) runs again; not read.
            if (value.find_first_not_of("0123456789abcdef") != std::string::npos) {
                error = "devos plugin argument 'policy-hash=" + value + "' must be lower-case hex";
                return false;
            }
        } else if (key == "rule") {
            size_t colon = value.rfind(':');
            if (colon == std::string::npos) {
                error = "devos plugin argument '" + arg + "' must be rule=<rule-id>:<error|warning|note|off>";
                return false;
            }
            out.levels.emplace_back(value.substr(0, colon), value.substr(colon + 1));
        } else {
            error = "unknown devos plugin argument '" + arg +
                    "': expected config=<file>, root=<dir>, summary=<file>|off, today=YYYY-MM-DD, "
                    "rule=<id>:<level> or policy-hash=<hex>";
            return false;
        }
    }
    return true;
}

} // namespace devos::plugin
