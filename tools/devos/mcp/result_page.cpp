#include "mcp/result_page.hpp"

#include <charconv>

namespace devos::mcp {

std::string cursorAt(std::size_t offset) {
    return "devos-page-" + std::to_string(offset);
}

std::expected<std::size_t, std::string> offsetOfCursor(const std::string& cursor) {
    if (cursor.empty())
        return 0;
    static const std::string prefix = "devos-page-";
    std::size_t offset = 0;
    const char* begin = cursor.data() + prefix.size();
    const char* end = cursor.data() + cursor.size();
    if (cursor.rfind(prefix, 0) != 0 || std::from_chars(begin, end, offset).ptr != end || begin == end)
        return std::unexpected("invalid cursor '" + cursor.substr(0, 40) +
                               "': pass the next_cursor / nextCursor of the previous page unchanged");
    return offset;
}

std::expected<std::size_t, std::string> cursorOffset(const nlohmann::json& arguments) {
    if (!arguments.contains("cursor"))
        return 0;
    return offsetOfCursor(arguments["cursor"].get<std::string>());
}

void putPage(nlohmann::json& out, const std::string& key, const nlohmann::json& items, std::size_t offset,
             std::size_t limit, std::size_t budgetBytes) {
    nlohmann::json page = nlohmann::json::array();
    std::size_t used = 0;
    std::size_t next = offset;
    for (; next < items.size() && page.size() < limit; ++next) {
        const std::size_t size = items[next].dump().size() + 1;
        if (!page.empty() && used + size > budgetBytes)
            break;
        used += size;
        page.push_back(items[next]);
    }
    out[key] = std::move(page);
    out["truncated"] = next < items.size();
    if (next < items.size())
        out["next_cursor"] = cursorAt(next);
}

} // namespace devos::mcp
