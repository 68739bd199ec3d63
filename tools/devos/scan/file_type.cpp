#include "scan/file_type.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <devos/foundation/text.hpp>

namespace devos::scan {
namespace {

std::string lowerFileName(std::string_view path) {
    size_t slash = path.rfind('/');
    return foundation::lower(path.substr(slash == std::string_view::npos ? 0 : slash + 1));
}

} // namespace

std::string_view executableFormat(std::string_view head) {
    if (head.starts_with("\x7f"
                         "ELF"))
        return "ELF";
    if (head.starts_with("!<arch>\n"))
        return "ar archive";
    if (head.starts_with("MZ") && looksBinary(head))
        return "PE";
    static constexpr std::array<std::string_view, 5> machO = {
        "\xfe\xed\xfa\xce", "\xfe\xed\xfa\xcf", "\xce\xfa\xed\xfe", "\xcf\xfa\xed\xfe", "\xca\xfe\xba\xbe"};
    for (auto magic : machO)
        if (head.starts_with(magic))
            return "Mach-O";
    return "";
}

bool looksBinary(std::string_view bytes) {
    return bytes.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos;
}

std::string buildOutputExtension(std::string_view path) {
    static constexpr std::array<std::string_view, 9> outputs = {".o",   ".a",   ".so",  ".dylib", ".dll",
                                                                ".exe", ".obj", ".pch", ".gch"};
    std::string name = lowerFileName(path);
    for (auto extension : outputs) {
        if (name.size() > extension.size() && name.ends_with(extension))
            return std::string(extension);
        // Versioned shared libraries: libfoo.so.1, libfoo.so.1.2.3
        size_t at = name.find(".so.");
        if (extension == ".so" && at != std::string::npos && at > 0 &&
            std::all_of(name.begin() + static_cast<long>(at) + 4, name.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
            return ".so";
    }
    return "";
}

bool isCxxSource(std::string_view path) {
    static constexpr std::array<std::string_view, 13> sources = {
        ".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".ipp", ".inl", ".tpp", ".cu", ".cuh"};
    std::string name = lowerFileName(path);
    return std::any_of(sources.begin(), sources.end(),
                       [&](std::string_view e) { return name.size() > e.size() && name.ends_with(e); });
}

TextPosition positionOf(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    std::string_view before = text.substr(0, offset);
    size_t lineStart = before.rfind('\n');
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    return {static_cast<unsigned>(std::count(before.begin(), before.end(), '\n') + 1),
            static_cast<unsigned>(offset - lineStart + 1)};
}

std::optional<TextPosition> firstCrlf(std::string_view text) {
    size_t at = text.find("\r\n");
    if (at == std::string_view::npos)
        return std::nullopt;
    return positionOf(text, at);
}

std::optional<TextPosition> firstInvalidUtf8(std::string_view text) {
    if (auto at = foundation::firstInvalidUtf8(text))
        return positionOf(text, *at);
    return std::nullopt;
}

std::string_view lineAt(std::string_view text, unsigned line) {
    size_t start = 0;
    for (unsigned l = 1; l < line; ++l) {
        start = text.find('\n', start);
        if (start == std::string_view::npos)
            return {};
        ++start;
    }
    if (start > text.size())
        return {};
    size_t end = text.find('\n', start);
    std::string_view out =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!out.empty() && out.back() == '\r')
        out.remove_suffix(1);
    return out;
}

} // namespace devos::scan
