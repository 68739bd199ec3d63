#include <devos/foundation/error.hpp>

namespace devos::foundation {

std::string Error::render() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0)
            out += ":" + std::to_string(line);
        out += ": ";
    }
    out += "error: " + message;
    if (!hint.empty())
        out += "\n  hint: " + hint;
    return out;
}

} // namespace devos::foundation
