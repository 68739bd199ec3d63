#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <string>

namespace devos::ports {

// Writes a proposal's folder (issue 11 part 8): PR.md, fix.patch, report.json, gates.sarif.
class ProposalBundleWriter {
public:
    virtual ~ProposalBundleWriter() = default;
    // Writes the four files into `folder` (created, with a `.gitignore` of `*` in its parent so
    // git never lists DevOS's proposals as changes of the user's checkout).
    [[nodiscard]] virtual contracts::Expected<void> write(const std::string& folder,
                                                          const contracts::SelfHealOutcome& outcome,
                                                          const std::string& prMarkdown,
                                                          const std::string& patch) = 0;
};

} // namespace devos::ports
