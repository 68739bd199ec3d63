#include <devos/engine/text_file.hpp>
#include <fstream>
#include <sstream>

namespace devos::engine {

std::optional<std::string> readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace devos::engine
