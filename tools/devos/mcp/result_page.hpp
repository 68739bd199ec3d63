#pragma once
// Every tool result stays well under an agent's context budget: a long list is cut into pages by
// item count and by bytes, with `truncated` and an opaque `next_cursor` that resumes it.
#include <cstddef>
#include <expected>
#include <nlohmann/json.hpp>
#include <string>

namespace devos::mcp {

// The byte budget of one tool result's listed items (about 12k tokens at 4 bytes a token).
inline constexpr std::size_t kResultBudgetBytes = 48 * 1024;

// Where a page starts: the offset a cursor encodes ("" or absent: 0). Error text for a cursor this
// server did not write.
[[nodiscard]] std::expected<std::size_t, std::string> cursorOffset(const nlohmann::json& arguments);

// Puts items [offset, ...) of `items` under `out[key]`, at most `limit` of them and as many as fit in
// `budgetBytes`, always at least one; sets `out["truncated"]`, and `out["next_cursor"]` when items
// remain.
void putPage(nlohmann::json& out, const std::string& key, const nlohmann::json& items, std::size_t offset,
             std::size_t limit, std::size_t budgetBytes = kResultBudgetBytes);

// The cursor that resumes at `offset` (also used for tools/list, resources/list and prompts/list).
[[nodiscard]] std::string cursorAt(std::size_t offset);
// The offset of a cursor written by cursorAt; "" is offset 0.
[[nodiscard]] std::expected<std::size_t, std::string> offsetOfCursor(const std::string& cursor);

} // namespace devos::mcp
