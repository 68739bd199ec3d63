#include <algorithm>
#include <devos/foundation/text.hpp>

namespace devos::foundation {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

} // namespace

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trimLeft(std::string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    return text;
}

std::string_view trimRight(std::string_view text) {
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string_view trim(std::string_view text) {
    return trimRight(trimLeft(text));
}

unsigned lineOfOffset(std::string_view text, std::size_t offset) {
    std::string_view before = text.substr(0, std::min(offset, text.size()));
    return 1 + static_cast<unsigned>(std::count(before.begin(), before.end(), '\n'));
}

std::string truncateUtf8(std::string_view text, std::size_t maxBytes, std::string_view marker) {
    if (text.size() <= maxBytes)
        return std::string(text);
    if (marker.size() >= maxBytes)
        return std::string(marker.substr(0, maxBytes));
    std::size_t cut = maxBytes - marker.size();
    while (cut > 0 && isContinuationByte(text[cut]))
        --cut;
    std::string out(text.substr(0, cut));
    out += marker;
    return out;
}

std::string_view utf8Tail(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes)
        return text;
    std::size_t start = text.size() - maxBytes;
    while (start < text.size() && isContinuationByte(text[start]))
        ++start;
    return text.substr(start);
}

std::string percentEncode(std::string_view text, std::string_view keep) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (isUnreserved(c) || keep.find(c) != std::string_view::npos) {
            out += c;
        } else {
            auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
    }
    return out;
}

namespace {

// The length of the well-formed UTF-8 sequence at the start of `text` (Unicode 15, table 3-7), or 0.
std::size_t wellFormedLength(std::string_view text) {
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    auto inRange = [&](std::size_t i, unsigned lo, unsigned hi) {
        return i < text.size() && at(i) >= lo && at(i) <= hi;
    };
    unsigned char lead = at(0);
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return inRange(1, 0x80, 0xBF) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
        unsigned hi = lead == 0xED ? 0x9F : 0xBF;
        return inRange(1, lo, hi) && inRange(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
        unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
        return inRange(1, lo, hi) && inRange(2, 0x80, 0xBF) && inRange(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

} // namespace

std::string validUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        std::size_t n = wellFormedLength(text);
        if (n == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            n = 1;
        } else {
            out.append(text.substr(0, n));
        }
        text.remove_prefix(n);
    }
    return out;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t n = wellFormedLength(text.substr(at));
        if (n == 0)
            return at;
        at += n;
    }
    return std::nullopt;
}

std::optional<std::size_t> firstNonTextByte(std::string_view text) {
    auto control = std::find_if(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
    });
    auto invalid = firstInvalidUtf8(text);
    if (control == text.end())
        return invalid;
    auto controlAt = static_cast<std::size_t>(control - text.begin());
    return invalid && *invalid < controlAt ? invalid : std::optional(controlAt);
}

std::vector<IncludeDirective> includeDirectives(std::string_view text) {
    std::vector<IncludeDirective> out;
    bool inComment = false; // inside a /* */ comment that began on an earlier line
    unsigned number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (inComment) {
            const std::size_t close = line.find("*/");
            if (close == std::string_view::npos)
                continue;
            inComment = false;
            line.remove_prefix(close + 2);
        }
        line = trimLeft(line);
        if (line.starts_with("/*")) {
            const std::size_t close = line.find("*/", 2);
            if (close == std::string_view::npos) {
                inComment = true;
                continue;
            }
            line = trimLeft(line.substr(close + 2));
        }
        if (!line.starts_with('#'))
            continue;
        line = trimLeft(line.substr(1));
        if (!line.starts_with("include"))
            continue;
        line = trimLeft(line.substr(7));
        if (line.empty() || (line.front() != '"' && line.front() != '<'))
            continue;
        const char close = line.front() == '"' ? '"' : '>';
        const std::size_t stop = line.find(close, 1);
        if (stop != std::string_view::npos && stop > 1)
            out.push_back({std::string(line.substr(1, stop - 1)), number});
    }
    return out;
}

} // namespace devos::foundation
