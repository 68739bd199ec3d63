#include "heal_proof.hpp"

#include <devos/logic/proof_commands.hpp>

namespace devos::services {

ProofStep HealProof::run(const std::string& configured, std::vector<std::string> derived,
                         int timeoutSeconds) {
    contracts::CommandSpec spec;
    spec.cwd = setup_.source;
    spec.timeoutSeconds = timeoutSeconds;
    if (!configured.empty())
        spec.argv = {"sh", "-c",
                     logic::expandCommand(configured, setup_.source, setup_.build, setup_.testName)};
    else
        spec.argv = std::move(derived);
    const auto r = runner_.run(spec);
    ProofStep step;
    step.what =
        configured.empty() ? spec.argv[0] + " " + (spec.argv.size() > 1 ? spec.argv[1] : "") : spec.argv[2];
    step.ok = r.exitCode == 0 && !r.timedOut;
    step.timedOut = r.timedOut;
    step.noSuchTest = r.output.find("No tests were found") != std::string::npos;
    const auto summary = logic::parseCtestSummary(r.output);
    step.counted = summary.found;
    step.failed = summary.failed;
    step.total = summary.total;
    step.evidence =
        (r.timedOut ? "stopped after its timeout of " + std::to_string(timeoutSeconds) + " s"
                    : "exit " + std::to_string(r.exitCode) + " after " + std::to_string(r.millis / 1000) +
                          "." + std::to_string(r.millis % 1000 / 100) + " s") +
        ":\n" + logic::outputTail(r.output);
    return step;
}

ProofStep HealProof::configure() {
    std::vector<std::string> argv{"cmake", "-S", setup_.source, "-B", setup_.build};
    for (auto& a :
         logic::configureArguments(setup_.cache, setup_.userBuildDir, setup_.userSourceDir, setup_.source))
        argv.push_back(std::move(a));
    return run(setup_.commands.configure, std::move(argv), setup_.timeouts.configure);
}

ProofStep HealProof::build() {
    return run(setup_.commands.build, {"cmake", "--build", setup_.build}, setup_.timeouts.build);
}

ProofStep HealProof::failingTest() {
    return run(setup_.commands.test,
               {"ctest", "--test-dir", setup_.build, "-R", logic::exactTestRegex(setup_.testName),
                "--output-on-failure", "--no-tests=error"},
               setup_.timeouts.test);
}

ProofStep HealProof::unitTests() {
    return run(setup_.commands.unitTests, {"ctest", "--test-dir", setup_.build, "--output-on-failure"},
               setup_.timeouts.test);
}

ProofStep HealProof::gate() {
    if (!setup_.commands.gate.empty())
        return run(setup_.commands.gate, {}, setup_.timeouts.gate);
    contracts::CommandSpec help{
        {"cmake", "--build", setup_.build, "--target", "help"}, setup_.source, {}, 120};
    const auto targets = runner_.run(help);
    if (targets.output.find("check-fast") == std::string::npos) {
        ProofStep none;
        none.ok = true;
        none.what = "build + unit tests";
        return none;
    }
    auto step = run({}, {"cmake", "--build", setup_.build, "--target", "check-fast"}, setup_.timeouts.gate);
    step.what = "check-fast";
    return step;
}

} // namespace devos::services
