#pragma once
#include <devos/contracts/self_heal_outcome.hpp>
#include <devos/ports/proposal_bundle_writer.hpp>
#include <string>

namespace devos::adapters {

// The outcome of a heal as JSON (report.json and `devos heal --format json`): status ("proposed" or
// "stopped"), reason, evidence, hint, rejections, failure, proposal (id, branch, commit, bundle,
// risk_score, agent, model, confidence, files, references), risk terms, autonomy, proof, labels,
// steps (name, status, milliseconds, summary).
[[nodiscard]] std::string selfHealOutcomeJson(const contracts::SelfHealOutcome& outcome);

// ProposalBundleWriter on the file system. gates.sarif is the gate's own SARIF when the proof ran
// check-fast, else a SARIF 2.1.0 log of devos heal with no results.
class ProposalBundleFiles final : public ports::ProposalBundleWriter {
public:
    [[nodiscard]] contracts::Expected<void> write(const std::string& folder,
                                                  const contracts::SelfHealOutcome& outcome,
                                                  const std::string& prMarkdown,
                                                  const std::string& patch) override;
};

} // namespace devos::adapters
