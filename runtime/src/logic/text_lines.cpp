#include <devos/logic/text_lines.hpp>

namespace devos::logic {

TextLines splitLines(std::string_view text) {
    TextLines out;
    out.finalNewline = text.empty() || text.back() == '\n';
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        out.lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string joinLines(const TextLines& text) {
    std::string out;
    for (std::size_t i = 0; i < text.lines.size(); ++i) {
        out += text.lines[i];
        if (i + 1 < text.lines.size() || text.finalNewline)
            out += '\n';
    }
    return out;
}

std::string_view indentationOf(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
        ++n;
    return line.substr(0, n);
}

std::string withoutWhitespace(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r')
            out += c;
    return out;
}

} // namespace devos::logic
