#include <devos/foundation/error.hpp>
#include <gtest/gtest.h>

using namespace devos::foundation;

TEST(Error, RendersFileLineMessageAndTheHintOnItsOwnLine) {
    Error e{ErrorKind::Invalid, "a/b.json", 3, "not valid JSON", "restore it"};
    EXPECT_EQ(e.render(), "a/b.json:3: error: not valid JSON\n  hint: restore it");
}

TEST(Error, LeavesOutWhatItDoesNotKnow) {
    EXPECT_EQ((Error{ErrorKind::Io, "a.txt", 0, "cannot read", ""}).render(), "a.txt: error: cannot read");
    EXPECT_EQ((Error{ErrorKind::Io, "", 7, "no file", ""}).render(), "error: no file");
}

TEST(Error, FailTakesKindMessageFileLineHintInThatOrder) {
    Expected<int> r = fail(ErrorKind::NotFound, "missing", "x.yml", 4, "create it");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(r.error().message, "missing");
    EXPECT_EQ(r.error().file, "x.yml");
    EXPECT_EQ(r.error().line, 4u);
    EXPECT_EQ(r.error().hint, "create it");
}

TEST(Error, InputErrorsExitTwoAndEnvironmentErrorsOne) {
    EXPECT_EQ(exitCodeOf(ErrorKind::Invalid), 2);
    EXPECT_EQ(exitCodeOf(ErrorKind::NotFound), 2);
    EXPECT_EQ(exitCodeOf(ErrorKind::Io), 1);
    EXPECT_EQ(exitCodeOf(ErrorKind::Unavailable), 1);
    EXPECT_EQ(exitCodeOf(ErrorKind::Storage), 1);
}
