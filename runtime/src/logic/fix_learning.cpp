#include <devos/logic/fix_learning.hpp>
#include <devos/logic/test_coverage.hpp>

namespace devos::logic {

std::optional<std::size_t> failureFixedByPass(std::span<const EarlierFailure> candidates) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        if (!c.isAncestor || c.alreadyFixed || c.commitSha.empty())
            continue;
        if (!best || c.failure.ts > candidates[*best].failure.ts ||
            (c.failure.ts == candidates[*best].failure.ts && c.failure.id > candidates[*best].failure.id))
            best = i;
    }
    return best;
}

std::optional<std::string> acceptedProposal(std::span<const std::string> commitMessages) {
    constexpr std::string_view trailer = "DevOS-Proposal: ";
    for (const auto& message : commitMessages) {
        std::size_t start = 0;
        while (start < message.size()) {
            auto end = message.find('\n', start);
            if (end == std::string::npos)
                end = message.size();
            std::string_view line(message.data() + start, end - start);
            if (line.starts_with(trailer)) {
                line.remove_prefix(trailer.size());
                while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
                    line.remove_suffix(1);
                if (!line.empty())
                    return std::string(line);
            }
            start = end + 1;
        }
    }
    return std::nullopt;
}

bool isFirstPartySource(std::string_view path) {
    if (!isCppSource(path))
        return false;
    std::size_t start = 0;
    while (true) {
        const auto slash = path.find('/', start);
        if (slash == std::string_view::npos)
            return true;
        const std::string_view folder = path.substr(start, slash - start);
        for (std::string_view vendored : {"third_party", "thirdparty", "3rdparty", "external", "extern",
                                          "vendor", "deps", "_deps", ".devos", "CMakeFiles"})
            if (folder == vendored)
                return false;
        if (folder == "build" || folder.starts_with("build-") || folder.starts_with("build_") ||
            folder.starts_with("cmake-build-"))
            return false;
        start = slash + 1;
    }
}

CappedDiff firstPartyDiff(std::span<const contracts::FilePatchText> patches, std::size_t maxBytes) {
    CappedDiff out;
    for (const auto& p : patches) {
        if (!isFirstPartySource(p.path))
            continue;
        if (out.diff.size() + p.text.size() > maxBytes) {
            out.truncated = true;
            break;
        }
        out.diff += p.text;
    }
    return out;
}

} // namespace devos::logic
