#include "check/baseline_ratchet.hpp"

#include "check/baseline.hpp"

#include <cstdlib>
#include <filesystem>

namespace devos::check {

bool runningOnCi() {
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string(ci) != "false" && std::string(ci) != "0";
}

foundation::Expected<BaselineOutcome> ratchetBaseline(const BaselineRequest& request) {
    BaselineOutcome outcome;
    std::error_code ec;
    outcome.existed = std::filesystem::exists(request.path, ec);
    const bool create = request.action == BaselineAction::Create;
    // CI must never accept findings: creating or replacing the baseline there is refused, whatever
    // the flags (update only shrinks it, so it stays allowed).
    if (create && request.onCi)
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("refusing to ") + (outcome.existed ? "replace " : "create ") +
                                    request.path + " on CI (CI is set): a baseline is a reviewed decision",
                                "", 0,
                                "create it locally, review it and commit it; on CI only `devos baseline "
                                "update` (which never adds entries) runs");
    // A TU that could not be analysed has no findings: its accepted entries would look fixed (dropped by
    // update) and its current findings would be missing (from create). Keep the file.
    if (!request.unanalysed.empty())
        return outcome;
    if (create) {
        if (outcome.existed && !request.force)
            return foundation::fail(
                foundation::ErrorKind::Invalid,
                "exists; use `devos baseline update` to shrink it, or --force to replace it", request.path);
        auto baseline = Baseline::fromFindings(request.findings);
        if (auto saved = baseline.save(request.path); !saved)
            return std::unexpected(saved.error());
        outcome.entries = baseline.entries().size();
    } else {
        auto baseline = Baseline::load(request.path);
        if (!baseline)
            return std::unexpected(baseline.error());
        outcome.dropped = baseline->dropFixed(request.findings);
        if (auto saved = baseline->save(request.path); !saved)
            return std::unexpected(saved.error());
        outcome.entries = baseline->entries().size();
    }
    outcome.written = true;
    return outcome;
}

} // namespace devos::check
