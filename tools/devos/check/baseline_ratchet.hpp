#pragma once
#include <cstddef>
#include <devos/engine/finding.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::check {

// `devos baseline create` records every current finding; `update` only drops the fixed ones.
enum class BaselineAction { Create, Update };

// A baseline change over the findings of a finished analysis.
struct BaselineRequest {
    BaselineAction action = BaselineAction::Update;
    std::string path{}; // the baseline file
    bool force = false; // create: replace an existing file
    bool onCi = false;  // CI is set: create is refused whatever the flags
    std::vector<engine::Finding> findings{};
    std::vector<std::string> unanalysed{}; // TUs that could not be analysed: the file is left unchanged
};

// What was written; nothing when `unanalysed` is not empty (their entries cannot be told fixed).
struct BaselineOutcome {
    bool written = false;
    bool existed = false;
    std::size_t entries = 0; // entries in the file written
    std::size_t dropped = 0; // update: entries dropped as fixed
};

// Creates or shrinks the baseline. Refused (Invalid): create on CI, create over an existing file
// without `force`. A malformed baseline is its load error, an unwritable one its save error.
[[nodiscard]] foundation::Expected<BaselineOutcome> ratchetBaseline(const BaselineRequest& request);

// Whether the environment says this is CI (CI set, and not "false" or "0").
[[nodiscard]] bool runningOnCi();

} // namespace devos::check
