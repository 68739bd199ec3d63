#include "scan/repo_scan.hpp"

#include "scan/file_checks.hpp"
#include "scan/file_type.hpp"
#include "scan/repo_files.hpp"
#include "scan/repo_secret_rules.hpp"

#include <devos/engine/allow_comment.hpp>
#include <devos/engine/config_section.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/depfile.hpp>
#include <filesystem>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;

namespace devos::scan {
namespace {

// Reads the whole file when it is within `capBytes`, else only the bytes the binary checks look at.
std::string readForScan(const fs::path& path, std::uintmax_t size, std::uintmax_t capBytes) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<size_t>(size <= capBytes ? size : kBinaryProbeBytes), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    return bytes;
}

// The folder to scan: the request's, else the repo around the current directory, else that directory.
foundation::Expected<std::string> scanRoot(const std::string& requested) {
    std::string root = requested;
    if (root.empty()) {
        std::string found = engine::findRepoRoot(fs::current_path().string());
        root = found.empty() ? fs::current_path().string() : found;
    }
    if (std::error_code ec; !fs::is_directory(root, ec))
        return foundation::fail(
            foundation::ErrorKind::NotFound,
            std::string("the folder to scan does not exist or is not a folder") +
                (ec && ec != std::errc::no_such_file_or_directory ? " (" + ec.message() + ")" : ""),
            root);
    return root;
}

} // namespace

foundation::Expected<RepoScanOutcome> scanRepo(const RepoScanRequest& request) {
    auto root = scanRoot(request.root);
    if (!root)
        return std::unexpected(root.error());
    auto policy = engine::Policy::forRepo(*root, request.configFile);
    if (!policy)
        return std::unexpected(policy.error());
    auto settings = engine::gateSettings<ScanRules>(*policy);
    if (!settings)
        return std::unexpected(settings.error());
    std::vector<std::string> inputs;
    std::optional<RepoSecretRules> rules;
    if (request.secrets) {
        auto loaded = loadRepoSecretRules(*root, *settings, policy->configFile);
        if (!loaded)
            return std::unexpected(loaded.error());
        inputs = loaded->inputs;
        rules = std::move(*loaded);
    }
    RepoFiles listed = listRepoFiles(*root, request.skipDirs);
    const std::uintmax_t capBytes = static_cast<std::uintmax_t>(settings->maxFileKb) * 1024;
    const std::string today = engine::todayIso();
    inputs.insert(inputs.end(), listed.watched.begin(), listed.watched.end());
    std::vector<engine::Finding> findings;
    for (const auto& rel : listed.files) {
        if (settings->excludes(rel))
            continue;
        fs::path path = fs::path(*root) / rel;
        std::error_code ec;
        std::uintmax_t size = fs::file_size(path, ec);
        if (ec)
            continue;
        inputs.push_back(path.string());
        std::string bytes = readForScan(path, size, capBytes);
        TrackedFile file{rel, size, bytes};
        if (request.files) {
            auto found = checkFileType(file, *settings, *policy);
            findings.insert(findings.end(), found.begin(), found.end());
        }
        if (request.secrets && !rules->rules.allowsPath(rel)) {
            auto found = checkSecrets(file, rules->rules, *policy, today);
            findings.insert(findings.end(), found.begin(), found.end());
        }
    }
    if (!request.depfile.empty())
        if (auto written = foundation::writeDepfile(request.depfile, request.depfileTarget, inputs); !written)
            return std::unexpected(written.error());
    engine::sortAndDeduplicate(findings);
    return RepoScanOutcome{std::move(*policy), std::move(*root), std::move(findings)};
}

} // namespace devos::scan
