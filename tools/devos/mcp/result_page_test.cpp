#include "mcp/result_page.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

using nlohmann::json;

TEST(ResultPage, CutsByCountAndResumesAtTheCursor) {
    json items = json::array();
    for (int i = 0; i < 5; ++i)
        items.push_back(i);
    json first;
    putPage(first, "items", items, 0, 2);
    EXPECT_EQ(first["items"], json({0, 1}));
    EXPECT_TRUE(first["truncated"]);
    auto offset = offsetOfCursor(first["next_cursor"]);
    ASSERT_TRUE(offset);
    json last;
    putPage(last, "items", items, *offset, 10);
    EXPECT_EQ(last["items"], json({2, 3, 4}));
    EXPECT_FALSE(last["truncated"]);
    EXPECT_FALSE(last.contains("next_cursor"));
}

TEST(ResultPage, CutsByBytesButAlwaysReturnsOneItem) {
    json items = json::array({std::string(100, 'a'), std::string(100, 'b'), std::string(100, 'c')});
    json page;
    putPage(page, "items", items, 0, 10, 150);
    EXPECT_EQ(page["items"].size(), 1U);
    EXPECT_TRUE(page["truncated"]);
    json tiny;
    putPage(tiny, "items", items, 0, 10, 1);
    EXPECT_EQ(tiny["items"].size(), 1U);
}

TEST(ResultPage, ForeignCursorsAreRejectedAndEmptyIsTheStart) {
    EXPECT_EQ(offsetOfCursor(""), 0U);
    EXPECT_EQ(offsetOfCursor(cursorAt(42)), 42U);
    for (const char* bad : {"42", "devos-page-", "devos-page-4x", "other-page-1"})
        EXPECT_FALSE(offsetOfCursor(bad)) << bad;
    EXPECT_EQ(cursorOffset(json::object()), 0U);
}

} // namespace
} // namespace devos::mcp
