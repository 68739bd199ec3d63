#pragma once
#include <devos/foundation/error.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace devos::foundation {

// `text` parsed as JSON. Invalid when it does not parse: "<what> is not valid JSON: <why>" at the
// 1-based line of the offending byte of `origin` (the file it came from), with `hint`.
[[nodiscard]] Expected<nlohmann::json> parseJson(std::string_view text, const std::string& origin,
                                                 std::string_view what, std::string_view hint = {});

// The JSON file at `path`: readTextFile's NotFound or Io error, or parseJson's Invalid one.
// `what` names the file in messages ("the baseline"), `hint` says how to repair it.
[[nodiscard]] Expected<nlohmann::json> readJsonFile(const std::string& path, std::string_view what,
                                                    std::string_view hint = {});

} // namespace devos::foundation
