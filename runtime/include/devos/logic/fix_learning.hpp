#pragma once
#include <devos/contracts/recorded_fix.hpp>
#include <devos/contracts/repo_facts.hpp>
#include <devos/contracts/test_failure.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// A stored failure of a test that now passes, with what the service learned about it from git and
// the fix memory.
struct EarlierFailure {
    contracts::TestFailure failure;
    std::string commitSha;     // its run's commit
    bool isAncestor = false;   // that commit is a strict ancestor of the passing run's commit
    bool alreadyFixed = false; // a fix is recorded for it
};

// Which earlier failure a pass fixes: the newest (by time) failure at a strict ancestor commit that
// has no recorded fix, or nullopt. Older failures of the same test stay unfixed on purpose: the
// newest one's diff is the smallest that contains the fix.
[[nodiscard]] std::optional<std::size_t> failureFixedByPass(std::span<const EarlierFailure> candidates);

// The proposal id of the first `DevOS-Proposal: <id>` trailer line among commit messages: the fix
// came from an accepted self-heal proposal. nullopt when none has one.
[[nodiscard]] std::optional<std::string> acceptedProposal(std::span<const std::string> commitMessages);

// True for a first-party C/C++ source: a source or header not under a vendored or generated folder
// (third_party, thirdparty, external, extern, vendor, deps, _deps, build*, cmake-build-*, .devos).
[[nodiscard]] bool isFirstPartySource(std::string_view path);

// The first-party patches concatenated in order, stopping before the one that would pass
// `maxBytes` (then `truncated`).
struct CappedDiff {
    std::string diff;
    bool truncated = false;
};
[[nodiscard]] CappedDiff firstPartyDiff(std::span<const contracts::FilePatchText> patches,
                                        std::size_t maxBytes);

} // namespace devos::logic
