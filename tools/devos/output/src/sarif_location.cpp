#include "sarif_parts.hpp"

#include <algorithm>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/text.hpp>

namespace devos::output::sarif {
namespace {

// A path as a URI path: every byte percent-encoded but RFC 3986 unreserved characters and '/'.
std::string uriPath(const std::string& path) {
    return foundation::percentEncode(path, "/");
}

Json region(const engine::SourcePoint& at, const engine::SourcePoint& end) {
    unsigned startColumn = std::max(at.column, 1u);
    unsigned endLine = std::max(end.line, at.line);
    unsigned endColumn =
        endLine == at.line ? std::max(end.column, startColumn + 1) : std::max(end.column, 1u);
    return Json{
        {"startLine", at.line}, {"startColumn", startColumn}, {"endLine", endLine}, {"endColumn", endColumn}};
}

} // namespace

std::string directoryUri(const std::string& absoluteDir) {
    std::string uri = "file://" + uriPath(absoluteDir);
    return uri.ends_with('/') ? uri : uri + "/";
}

Json artifactLocation(const std::string& file, const std::string& repoRoot) {
    std::string path =
        file.starts_with('/') && !repoRoot.empty() ? engine::repoRelative(repoRoot, file) : file;
    if (path.starts_with('/'))
        return Json{{"uri", "file://" + uriPath(path)}};
    return Json{{"uri", uriPath(path)}, {"uriBaseId", srcRootId}};
}

Json physicalLocation(const engine::SourcePoint& at, const engine::SourcePoint& end,
                      const std::string& repoRoot) {
    Json location{{"artifactLocation", artifactLocation(at.file, repoRoot)}};
    if (at.line != 0)
        location["region"] = region(at, end);
    return location;
}

} // namespace devos::output::sarif
