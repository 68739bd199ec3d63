// devos check: the LibTooling delivery of the checks, for any compiler's compile database.
#include "check/baseline.hpp"
#include "check/repo_analysis.hpp"
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"

#include <cstdio>
#include <devos/engine/expectations.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/output/agent_writer.hpp>
#include <devos/output/json_writer.hpp>
#include <devos/output/sarif_writer.hpp>
#include <devos/output/text_writer.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos check -p <build-dir> [files...] [options]

Runs every DevOS rule over the translation units of <build-dir>/compile_commands.json (written by
any compiler, g++ included), links their effect summaries for cross-TU purity, and reports findings.

options:
  -p, --build-dir DIR   build directory holding compile_commands.json (default: build)
  --format FORMAT       text (compiler style, default), json, sarif or agent (one line per finding)
  -o, --output FILE     write the report to FILE instead of standard output
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline
  --root DIR            repo root (default: found from the sources: .devos/ or .git)
  -j, --jobs N          translation units checked in parallel (default: one per core)
  --no-cache            re-analyse every TU even when its inputs did not change
  --verify              compare findings with the `// expected-error {{...}}` markers in the sources
                        (prefixes expected- and linked-); exit 0 only when they agree

exit codes: 0 no error-level findings, 1 findings (or a file failed to parse), 2 usage or configuration error
)";

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every source file under the repo's first-party roots, for --verify.
std::vector<engine::Expectation> collectExpectations(const std::string& root) {
    std::vector<engine::Expectation> all;
    for (const char* top : {"src", "include", "tests"}) {
        std::error_code ec;
        fs::path dir = fs::path(root) / top;
        if (!fs::is_directory(dir, ec))
            continue;
        for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
            std::string ext = it->path().extension().string();
            if (!it->is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h" && ext != ".cc"))
                continue;
            std::string rel = fs::relative(it->path(), root).generic_string();
            auto marks = engine::parseExpectations(rel, readText(it->path().string()), {"expected", "linked"});
            all.insert(all.end(), marks.begin(), marks.end());
        }
    }
    return all;
}

} // namespace

int runCheck(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--format", "--output", "--baseline", "--root", "--jobs"},
              {"--no-baseline", "--no-cache", "--verify", "--help"},
              {{"-p", "--build-dir"}, {"-o", "--output"}, {"-j", "--jobs"}, {"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos check: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    std::string format = args.valueOr("--format", "text");
    if (format != "text" && format != "json" && format != "sarif" && format != "agent") {
        std::fprintf(stderr, "devos check: unknown format '%s' (use text, json, sarif or agent)\n", format.c_str());
        return kUsage;
    }
    check::AnalysisRequest request;
    request.buildDir = args.valueOr("--build-dir", "build");
    request.files = args.positionals();
    request.root = args.valueOr("--root", "");
    request.useCache = !args.has("--no-cache");
    if (auto jobs = args.value("--jobs")) {
        char* end = nullptr;
        long n = std::strtol(jobs->c_str(), &end, 10);
        if (*end != '\0' || n < 1 || n > 256) {
            std::fprintf(stderr, "devos check: --jobs needs a number from 1 to 256, not '%s'\n", jobs->c_str());
            return kUsage;
        }
        request.jobs = static_cast<unsigned>(n);
    }
    auto analysis = check::analyzeRepo(request);
    if (!analysis) {
        std::fprintf(stderr, "devos check: %s\n", analysis.error().render().c_str());
        return kUsage;
    }
    for (const auto& failed : analysis->failedFiles)
        std::fprintf(stderr, "devos check: error: %s could not be analysed (see the compiler errors above)\n",
                     failed.c_str());

    if (args.has("--verify")) {
        auto problems = engine::verifyFindings(analysis->findings, collectExpectations(analysis->root));
        for (const auto& p : problems)
            std::fprintf(stderr, "devos check --verify: %s\n", p.c_str());
        std::printf("devos check --verify: %zu findings in %u translation units, %zu mismatches\n",
                    analysis->findings.size(), analysis->translationUnits, problems.size());
        return problems.empty() && analysis->failedFiles.empty() ? kSuccess : kFindings;
    }

    if (!args.has("--no-baseline")) {
        std::string path = args.valueOr("--baseline", (fs::path(analysis->root) / ".devos" / "baseline.json").string());
        std::error_code ec;
        if (args.has("--baseline") || fs::exists(path, ec)) {
            auto baseline = check::Baseline::load(path);
            if (!baseline) {
                std::fprintf(stderr, "devos check: %s\n", baseline.error().render().c_str());
                return kUsage;
            }
            std::string shown = engine::isInsideRepo(engine::repoRelative(analysis->root, path))
                                    ? engine::repoRelative(analysis->root, path)
                                    : path;
            auto stale = baseline->apply(analysis->findings, shown, analysis->policy->levelOf("baseline.stale"));
            analysis->findings.insert(analysis->findings.end(), stale.begin(), stale.end());
            engine::sortAndDeduplicate(analysis->findings);
        }
    }

    output::Report report;
    report.findings = analysis->findings;
    report.catalog = &analysis->policy->catalog;
    report.repoRoot = analysis->root;
    report.toolVersion = DEVOS_VERSION;
    report.automationId = "devos/check/";
    report.toolNotifications = analysis->notifications;
    std::string text;
    bool toTerminal = !args.has("--output") && isatty(fileno(stdout));
    if (format == "json")
        text = output::renderJson(report);
    else if (format == "sarif")
        text = output::renderSarif(report);
    else if (format == "agent")
        text = output::renderAgent(report);
    else
        text = output::renderText(report, toTerminal);
    if (auto path = args.value("--output")) {
        std::ofstream out(*path, std::ios::trunc);
        if (!out) {
            std::fprintf(stderr, "devos check: cannot write %s\n", path->c_str());
            return kUsage;
        }
        out << text;
    } else {
        std::fputs(text.c_str(), stdout);
    }
    if (format == "text")
        for (const auto& n : analysis->notifications)
            std::fprintf(stderr, "devos check: note: %s\n", n.c_str());

    bool failed = !analysis->failedFiles.empty();
    for (const auto& f : analysis->findings)
        failed = failed || (f.level == engine::Level::Error && !f.baselined);
    return failed ? kFindings : kSuccess;
}

} // namespace devos::cli
