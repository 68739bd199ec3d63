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
                       std::span<const std::string> files, PatternIdVersion version) {
    std::string key = normalizeMessage(message) + "::";
    Demangling demangling =
        version == PatternIdVersion::v1 ? Demangling::NestedNamesOnly : Demangling::Itanium;
    auto frames = topInAppFrames(stackTrace, 5, demangling);
    for (std::size_t i = 0; i < frames.size(); ++i)
        key += (i ? "|" : "") + frames[i];
    key += "::";
    auto normalized = normalizeFiles(files);
    for (std::size_t i = 0; i < normalized.size(); ++i)
        key += (i ? "," : "") + normalized[i];
    return key;
}

std::string computePatternId(std::string_view message, std::string_view stackTrace,
                             std::span<const std::string> files, PatternIdVersion version) {
    return sha256Hex(patternKey(message, stackTrace, files, version));
}

std::vector<std::string> patternIdsOfEveryVersion(std::string_view message, std::string_view stackTrace,
                                                  std::span<const std::string> files) {
    std::vector<std::string> ids;
    for (PatternIdVersion version : {PatternIdVersion::v2, PatternIdVersion::v1}) {
        std::string id = computePatternId(message, stackTrace, files, version);
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(std::move(id));
    }
    return ids;
}

} // namespace devos::logic
