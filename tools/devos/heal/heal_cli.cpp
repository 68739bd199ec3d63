#include "heal/heal_cli.hpp"

#include <cstdio>
#include <cstdlib>
#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/entrypoints/self_heal_factory.hpp>
#include <filesystem>
#include <unistd.h>

namespace devos::heal {
namespace {

namespace fs = std::filesystem;

// The work tree root of the git repository holding `start`, or "".
std::string gitRoot(fs::path start) {
    std::error_code ec;
    for (fs::path p = fs::weakly_canonical(start, ec); !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec))
            return p.string();
        if (p == p.root_path())
            break;
    }
    return {};
}

std::string indented(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out += (out.empty() ? "" : "\n          ") + text.substr(start, end - start);
        start = end + 1;
    }
    return out;
}

} // namespace

std::string outcomeText(const contracts::SelfHealOutcome& o) {
    std::string out;
    char line[32];
    for (const auto& s : o.steps) {
        std::snprintf(line, sizeof line, "%-9s ", s.name.c_str());
        out += line + indented(s.summary) + "\n";
    }
    if (!o.proposed) {
        out += "stopped   " + std::string(contracts::stopReasonName(o.reason)) +
               (o.evidence.empty() ? "" : ": " + indented(o.evidence)) + "\n";
        if (!o.hint.empty())
            out += "          what to do: " + o.hint + "\n";
    }
    if (!o.worktree.empty())
        out += "worktree  " + o.worktree + " (kept)\n";
    return out;
}

int runHealCommand(const HealCommandRequest& request) {
    const std::string root = gitRoot(fs::current_path());
    if (root.empty()) {
        std::fprintf(stderr,
                     "devos heal: not inside a git repository (devos heal works on a clone with history)\n");
        return 2;
    }
    services::HealRequest heal;
    heal.failureId = request.failureId;
    heal.latest = request.latest;
    heal.repoRoot = root;
    heal.keep = request.keep;
    if (!request.buildDir.empty()) {
        std::error_code ec;
        heal.buildDir = fs::weakly_canonical(fs::absolute(request.buildDir), ec).string();
    }
    if (request.agent == "playbook")
        heal.agent = contracts::AgentChoice::Playbook;
    else if (request.agent == "chat")
        heal.agent = contracts::AgentChoice::Chat;
    else if (request.agent == "auto")
        heal.agent = contracts::AgentChoice::Auto;
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    entrypoints::SelfHealOptions options;
    options.repoRoot = root;
    options.dbPath = request.db;
    const char* url = std::getenv("DEVOS_DATABASE_URL");
    options.databaseUrl = url != nullptr ? url : "";
    if (terminal)
        options.progress = [](const std::string& line) { std::fprintf(stderr, "  ... %s\n", line.c_str()); };
    auto app = entrypoints::SelfHealApp::open(std::move(options));
    if (!app) {
        std::fprintf(stderr, "devos heal: %s\n", app.error().render().c_str());
        return app.error().kind == contracts::ErrorKind::Invalid ? 2 : 1;
    }
    auto outcome = (*app)->service().heal(heal);
    if (!outcome) {
        std::fprintf(stderr, "devos heal: %s\n", outcome.error().render().c_str());
        const auto kind = outcome.error().kind;
        return kind == contracts::ErrorKind::Invalid || kind == contracts::ErrorKind::NotFound ? 2 : 1;
    }
    if (request.format == "json")
        std::printf("%s\n", adapters::selfHealOutcomeJson(*outcome).c_str());
    else
        std::fputs(outcomeText(*outcome).c_str(), stdout);
    return outcome->proposed ? 0 : 1;
}

} // namespace devos::heal
