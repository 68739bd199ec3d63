// devos scan: the secret scan and file-type hygiene of the files git tracks (check-full's
// `secrets` and `files` gates).
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "scan/repo_scan.hpp"

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "scan",
    .usage = "usage: devos scan [secrets|files] [options]",
    .about =
        R"(Scans the files git tracks under the repo root (where git tracks nothing: every file but those in
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
`devos-allow(security.secret): <reason> until YYYY-MM-DD` on the line or the line above.)",
    .options = concat(
        {value("--root", "DIR", "repo root (default: found from the current directory)"),
         value("--build-dir", "DIR",
               "a build folder inside the root to leave out (build, build-*, build_* and\n"
               "folders with a CMakeCache.txt are always left out)")
             .withAlias("-p"),
         value("--config", "FILE", "a repo config to use instead of .devos/devos.yml")},
        concat(findingReportOptions(),
               {value("--depfile", "FILE",
                      "write a Makefile-syntax depfile naming every file scanned (for Ninja) ..."),
                value("--depfile-target", "OUT", "... with OUT as its target (required with --depfile)")})),
    .notes = "exit codes: 0 no error-level findings, 1 findings, 2 usage error or bad config",
};

} // namespace

int runScan(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    const auto& parts = args->positionals();
    if (parts.size() > 1 || (parts.size() == 1 && parts[0] != "secrets" && parts[0] != "files"))
        return usageError("scan",
                          "unknown part '" + parts.back() + "' (use secrets or files, or neither for both)");
    if (args->has("--depfile") != args->has("--depfile-target"))
        return usageError("scan", "--depfile and --depfile-target go together (give both or neither)");
    scan::RepoScanRequest request{.root = args->valueOr("--root", ""),
                                  .secrets = parts.empty() || parts[0] == "secrets",
                                  .files = parts.empty() || parts[0] == "files",
                                  .skipDirs = {},
                                  .configFile = args->valueOr("--config", ""),
                                  .depfile = args->valueOr("--depfile", ""),
                                  .depfileTarget = args->valueOr("--depfile-target", "")};
    if (auto buildDir = args->value("--build-dir"))
        request.skipDirs.push_back(*buildDir);
    auto scanned = scan::scanRepo(request);
    if (!scanned)
        return stopOn("scan", scanned.error());
    report.findings = std::move(scanned->findings);
    report.policy = &scanned->policy;
    report.root = scanned->root;
    report.automationId = parts.empty() ? "devos/scan/" : "devos/scan/" + parts[0] + "/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
