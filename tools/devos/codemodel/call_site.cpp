#include "codemodel/call_site.hpp"

#include <algorithm>
#include <cctype>
#include <devos/foundation/text.hpp>

namespace devos::codemodel {
namespace {

// Skips spaces, line breaks and `#` comments from `pos`.
size_t skipBlank(const std::string& text, size_t pos) {
    while (pos < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[pos]))) {
            ++pos;
        } else if (text[pos] == '#') {
            pos = text.find('\n', pos);
            if (pos == std::string::npos)
                return text.size();
        } else {
            break;
        }
    }
    return pos;
}

} // namespace

std::vector<std::string> callArguments(const std::string& cmakeText, unsigned line,
                                       const std::string& command) {
    if (line == 0)
        return {};
    size_t start = 0;
    for (unsigned l = 1; l < line; ++l) {
        size_t newline = cmakeText.find('\n', start);
        if (newline == std::string::npos)
            return {};
        start = newline + 1;
    }
    size_t lineEnd = cmakeText.find('\n', start);
    std::string lineText = foundation::lower(
        cmakeText.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start));
    size_t at = lineText.find(foundation::lower(command));
    if (at == std::string::npos)
        return {};
    size_t pos = skipBlank(cmakeText, start + at + command.size());
    if (pos >= cmakeText.size() || cmakeText[pos] != '(')
        return {};
    std::vector<std::string> arguments;
    for (pos = skipBlank(cmakeText, pos + 1); pos < cmakeText.size() && cmakeText[pos] != ')';
         pos = skipBlank(cmakeText, pos)) {
        bool quoted = cmakeText[pos] == '"';
        if (quoted)
            ++pos;
        std::string argument;
        for (; pos < cmakeText.size(); ++pos) {
            char c = cmakeText[pos];
            if (quoted ? c == '"' : (std::isspace(static_cast<unsigned char>(c)) || c == ')' || c == '#'))
                break;
            argument += c;
        }
        if (quoted && pos < cmakeText.size())
            ++pos; // the closing quote
        arguments.push_back(std::move(argument));
    }
    return arguments;
}

std::string firstCallArgument(const std::string& cmakeText, unsigned line, const std::string& command) {
    auto arguments = callArguments(cmakeText, line, command);
    if (arguments.empty() || arguments.front().find('$') != std::string::npos)
        return {};
    return arguments.front();
}

} // namespace devos::codemodel
