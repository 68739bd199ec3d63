#include "gates/diagnostic_line.hpp"

#include <charconv>

namespace devos::gates {
namespace {

// Reads a decimal number and the ':' after it from the front of `text`.
bool number(std::string_view& text, unsigned& out) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (error != std::errc{} || end == text.data() || end == text.data() + text.size() || *end != ':')
        return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
    return true;
}

} // namespace

std::optional<DiagnosticLine> parseDiagnosticLine(std::string_view text) {
    DiagnosticLine out;
    std::size_t colon = text.find(':');
    if (colon == 0 || colon == std::string_view::npos || text.find('\n') != std::string_view::npos)
        return std::nullopt;
    out.file = text.substr(0, colon);
    text.remove_prefix(colon + 1);
    if (!number(text, out.line) || !number(text, out.column))
        return std::nullopt;
    for (std::string_view level : {"error", "warning"}) {
        std::string prefix = " " + std::string(level) + ": ";
        if (text.starts_with(prefix)) {
            out.level = level;
            out.message = text.substr(prefix.size());
            return out;
        }
    }
    return std::nullopt;
}

std::vector<DiagnosticLine> diagnosticLines(std::string_view output) {
    std::vector<DiagnosticLine> out;
    for (std::size_t start = 0; start < output.size();) {
        std::size_t end = output.find('\n', start);
        if (end == std::string_view::npos)
            end = output.size();
        if (auto line = parseDiagnosticLine(output.substr(start, end - start)))
            out.push_back(std::move(*line));
        start = end + 1;
    }
    return out;
}

} // namespace devos::gates
