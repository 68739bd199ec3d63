#include <devos/contracts/error.hpp>

namespace devos::contracts {

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
        out += " (" + hint + ")";
    return out;
}

} // namespace devos::contracts
