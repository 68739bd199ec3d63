// devos scan: the secret scan and file-type hygiene of the files git tracks (check-full's
// `secrets` and `files` gates).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "scan/file_checks.hpp"
#include "scan/file_type.hpp"
#include "scan/repo_files.hpp"
#include "scan/repo_secret_rules.hpp"

#include <cstdio>
#include <devos/engine/allow_comment.hpp>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/depfile.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos scan [secrets|files] [options]

Scans the files git tracks under the repo root (where git tracks nothing: every file but those in
build folders and hidden ones other than .devos and .github), both parts unless one is named:
  secrets  security.secret: a secret the built-in rules (policy/secrets.toml: cloud, VCS, chat,
           payment and LLM API keys, private keys, JWTs, passwords in URLs and generic
           `password = "..."` assignments) or the repo's gitleaks configuration find; the report
           shows the match redacted, never the secret. Binary files and files over the size cap
           are skipped.
  files    files.binary: a build output (.o .a .so .dylib .dll .exe .obj .pch .gch), an ELF, PE or
           Mach-O file, or other binary content whose extension is not on scan.allow_extensions;
           files.size: a file over scan.max_file_kb (default 1024);
           files.encoding: a C or C++ source with CRLF line endings or bytes that are not UTF-8.
Settings: .devos/devos.yml `scan: { exclude: ["tests/fixtures/**"], max_file_kb: 1024,
allow_extensions: [".png"], gitleaks_config: .gitleaks.toml }` (a gitleaks configuration replaces
the built-in rules, or adds to them with `[extend] useDefault = true`). One line:
`devos-allow(security.secret): <reason> until YYYY-MM-DD` on the line or the line above.

options:
  --root DIR            repo root (default: found from the current directory)
  -p, --build-dir DIR   a build folder inside the root to leave out (build, build-*, build_* and
                        folders with a CMakeCache.txt are always left out)
  --config FILE         a repo config to use instead of .devos/devos.yml
  --format FORMAT       text (default), json, sarif or agent
  -o, --output FILE     write the report to FILE
  --sarif-output FILE   also write SARIF to FILE
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline
  --depfile FILE        write a Makefile-syntax depfile naming every file scanned (for Ninja) ...
  --depfile-target OUT  ... with OUT as its target (required with --depfile)

exit codes: 0 no error-level findings, 1 findings, 2 usage error or bad config
)";

// Reads the whole file when it is within `capBytes`, else only the bytes the binary checks look at.
std::string readForScan(const fs::path& path, std::uintmax_t size, std::uintmax_t capBytes) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<size_t>(size <= capBytes ? size : scan::kBinaryProbeBytes), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    return bytes;
}

} // namespace

int runScan(const std::vector<std::string>& argv) {
    Args args({"--root", "--build-dir", "--config", "--format", "--output", "--sarif-output", "--baseline",
               "--depfile", "--depfile-target"},
              {"--no-baseline", "--help"}, {{"-p", "--build-dir"}, {"-o", "--output"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "scan", kHelp, report))
        return *stop;
    const auto& parts = args.positionals();
    if (parts.size() > 1 || (parts.size() == 1 && parts[0] != "secrets" && parts[0] != "files")) {
        std::fprintf(stderr, "devos scan: unknown part '%s' (use secrets or files, or neither for both)\n",
                     parts.back().c_str());
        return kUsage;
    }
    if (args.has("--depfile") != args.has("--depfile-target")) {
        std::fprintf(stderr,
                     "devos scan: --depfile and --depfile-target go together (give both or neither)\n");
        return kUsage;
    }
    const bool secrets = parts.empty() || parts[0] == "secrets";
    const bool files = parts.empty() || parts[0] == "files";
    std::string found = engine::findRepoRoot(fs::current_path().string());
    std::string root = args.valueOr("--root", found.empty() ? fs::current_path().string() : found);
    if (std::error_code ec; !fs::is_directory(root, ec)) {
        std::fprintf(
            stderr, "devos scan: %s: error: the folder to scan does not exist or is not a folder%s\n",
            root.c_str(),
            ec && ec != std::errc::no_such_file_or_directory ? (" (" + ec.message() + ")").c_str() : "");
        return kUsage;
    }
    auto policy = engine::Policy::forRepo(root, args.valueOr("--config", ""));
    if (!policy) {
        std::fprintf(stderr, "devos scan: %s\n", policy.error().render().c_str());
        return kUsage;
    }
    std::vector<std::string> inputs;
    std::optional<scan::RepoSecretRules> rules;
    if (secrets) {
        auto loaded = scan::loadRepoSecretRules(root, *policy);
        if (!loaded) {
            std::fprintf(stderr, "devos scan: %s\n", loaded.error().render().c_str());
            return kUsage;
        }
        inputs = loaded->inputs;
        rules = std::move(*loaded);
    }
    std::vector<std::string> skip;
    if (auto buildDir = args.value("--build-dir"))
        skip.push_back(*buildDir);
    scan::RepoFiles listed = scan::listRepoFiles(root, skip);
    const std::uintmax_t capBytes = static_cast<std::uintmax_t>(policy->scan.maxFileKb) * 1024;
    const std::string today = engine::todayIso();
    inputs.insert(inputs.end(), listed.watched.begin(), listed.watched.end());
    for (const auto& rel : listed.files) {
        if (policy->scan.excludes(rel))
            continue;
        fs::path path = fs::path(root) / rel;
        std::error_code ec;
        std::uintmax_t size = fs::file_size(path, ec);
        if (ec)
            continue;
        inputs.push_back(path.string());
        std::string bytes = readForScan(path, size, capBytes);
        scan::TrackedFile file{rel, size, bytes};
        std::vector<engine::Finding> out;
        if (files)
            out = scan::checkFileType(file, *policy);
        if (secrets && !rules->rules.allowsPath(rel)) {
            auto found = scan::checkSecrets(file, rules->rules, *policy, today);
            out.insert(out.end(), found.begin(), found.end());
        }
        report.findings.insert(report.findings.end(), out.begin(), out.end());
    }
    if (auto depfile = args.value("--depfile")) {
        if (auto written = foundation::writeDepfile(*depfile, *args.value("--depfile-target"), inputs);
            !written) {
            std::fprintf(stderr, "devos scan: %s\n", written.error().render().c_str());
            return kUsage;
        }
    }
    engine::sortAndDeduplicate(report.findings);
    report.policy = &*policy;
    report.root = root;
    report.automationId = parts.empty() ? "devos/scan/" : "devos/scan/" + parts[0] + "/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
