#include <algorithm>
#include <devos/logic/pattern_id.hpp>
#include <devos/logic/pattern_text.hpp>
#include <devos/logic/sha256.hpp>
#include <devos/logic/stack_frame.hpp>

namespace devos::logic {

std::vector<std::string> normalizeFiles(std::span<const std::string> files) {
    std::vector<std::string> out;
    for (const auto& f : files)
        if (auto n = normalizePath(f); !n.empty())
            out.push_back(std::move(n));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string patternKey(std::string_view message, std::string_view stackTrace,
                       std::span<const std::string> files) {
    std::string key = normalizeMessage(message) + "::";
    auto frames = topInAppFrames(stackTrace, 5);
    for (std::size_t i = 0; i < frames.size(); ++i)
        key += (i ? "|" : "") + frames[i];
    key += "::";
    auto normalized = normalizeFiles(files);
    for (std::size_t i = 0; i < normalized.size(); ++i)
        key += (i ? "," : "") + normalized[i];
    return key;
}

std::string computePatternId(std::string_view message, std::string_view stackTrace,
                             std::span<const std::string> files) {
    return sha256Hex(patternKey(message, stackTrace, files));
}

} // namespace devos::logic
