#include "scan/file_checks.hpp"

#include "scan/file_type.hpp"

#include <devos/engine/allow_comment.hpp>

namespace devos::scan {
namespace {

using engine::Finding;

void add(const engine::Policy& policy, const std::string& ruleId, engine::SourcePoint at, std::string message,
         std::string subject, std::vector<Finding>& out, unsigned endColumn = 0) {
    auto f = policy.finding(ruleId, at, std::move(message), std::move(subject));
    if (!f)
        return;
    if (endColumn > f->at.column)
        f->end.column = endColumn;
    out.push_back(std::move(*f));
}

bool isComplete(const TrackedFile& file) {
    return file.bytes.size() == file.size;
}

} // namespace

std::vector<Finding> checkFileType(const TrackedFile& file, const ScanRules& settings,
                                   const engine::Policy& policy) {
    std::vector<Finding> out;
    const engine::SourcePoint start{file.path, 1, 1};
    bool binary = false;
    if (!settings.allowsExtensionOf(file.path)) {
        std::string output = buildOutputExtension(file.path);
        std::string_view format = executableFormat(file.bytes);
        binary = !output.empty() || !format.empty() || looksBinary(file.bytes);
        if (!output.empty())
            add(policy, "files.binary", start,
                "'" + file.path + "' is a build output (" + output + ") committed to the repo", output, out);
        else if (!format.empty())
            add(policy, "files.binary", start,
                "'" + file.path + "' is an " + std::string(format) +
                    " object or executable committed to the repo",
                std::string(format), out);
        else if (binary)
            add(policy, "files.binary", start,
                "'" + file.path + "' is binary (a NUL byte in its first " +
                    std::to_string(kBinaryProbeBytes / 1024) +
                    " KiB) and its extension is not on scan.allow_extensions",
                "binary", out);
    }
    const std::uintmax_t capBytes = static_cast<std::uintmax_t>(settings.maxFileKb) * 1024;
    if (file.size > capBytes)
        add(policy, "files.size", start,
            "'" + file.path + "' is " + std::to_string((file.size + 1023) / 1024) + " KiB, over the " +
                std::to_string(settings.maxFileKb) + " KiB limit (scan.max_file_kb)",
            "size", out);
    if (!binary && isComplete(file) && isCxxSource(file.path)) {
        if (auto crlf = firstCrlf(file.bytes))
            add(policy, "files.encoding", {file.path, crlf->line, crlf->column},
                "'" + file.path + "' has CRLF line endings (the first ends line " +
                    std::to_string(crlf->line) + "); C and C++ sources use LF",
                "crlf", out);
        if (auto bad = firstInvalidUtf8(file.bytes))
            add(policy, "files.encoding", {file.path, bad->line, bad->column},
                "'" + file.path + "' is not UTF-8: an invalid byte at line " + std::to_string(bad->line) +
                    ", column " + std::to_string(bad->column),
                "utf-8", out);
    }
    return out;
}

std::vector<Finding> checkSecrets(const TrackedFile& file, const policy::SecretRules& rules,
                                  const engine::Policy& policy, const std::string& today) {
    std::vector<Finding> out;
    if (!isComplete(file) || looksBinary(file.bytes))
        return out;
    for (const auto& hit : rules.find(file.bytes, file.path)) {
        const policy::SecretRuleInfo& rule = rules.rules()[hit.rule];
        TextPosition at = positionOf(file.bytes, hit.secretOffset);
        auto allow = engine::resolveAllow([&](unsigned n) { return std::string(lineAt(file.bytes, n)); },
                                          at.line, "security.secret", today, policy.allowMaxDays,
                                          engine::CommentMarkers::CxxOrHash);
        if (allow.status == engine::AllowResolution::Status::Allowed)
            continue;
        if (allow.status != engine::AllowResolution::Status::None)
            add(policy, allow.findingRule, {file.path, allow.line, allow.column}, allow.message,
                allow.subject, out);
        TextPosition end = positionOf(file.bytes, hit.secretOffset + hit.secretLength);
        std::string shown = hit.matchLength == 0
                                ? "its path"
                                : "'" + policy::SecretRules::redactedMatch(file.bytes, hit) + "'";
        add(policy, "security.secret", {file.path, at.line, at.column},
            "a secret is committed: " + rule.description + " [" + rule.id + "], matched as " + shown, rule.id,
            out, end.line == at.line ? end.column : 0);
    }
    engine::sortAndDeduplicate(out);
    return out;
}

} // namespace devos::scan
