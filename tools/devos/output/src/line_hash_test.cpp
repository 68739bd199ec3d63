#include <devos/output/line_hash.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using devos::output::lineFingerprint;
using devos::output::lineHashes;
using Hashes = std::vector<std::string>;

// Expected values from codeql-action's own tests (src/fingerprints.test.ts).
TEST(LineHash, MatchesCodeqlActionOnEmptyFile) {
    EXPECT_EQ(lineHashes(""), Hashes{"c129715d7a2bc9a3:1"});
}

TEST(LineHash, MatchesCodeqlActionIgnoringSpacesAndTabs) {
    EXPECT_EQ(lineHashes(" a\nb\n  \t\tc\n d"),
              (Hashes{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
    EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
              (Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                      "b86d3392aea1be30:1", "e6ceba753e1a442:1"}));
}

TEST(LineHash, MatchesCodeqlActionForEveryLineEnding) {
    const Hashes expected{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                          "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                          "c129715d7a2bc9a3:1"};
    EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"), expected);
    EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"), expected);
    EXPECT_EQ(lineHashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"), expected);
    EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"), expected);
}

TEST(LineHash, MatchesCodeqlActionCountingRepeatedHashes) {
    std::string text;
    for (int i = 0; i < 10; ++i)
        text += "Lorem ipsum dolor sit amet.\n";
    EXPECT_EQ(lineHashes(text),
              (Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                      "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                      "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"}));
    EXPECT_EQ(
        lineHashes("x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"),
        (Hashes{"e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
                "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"}));
}

// Node.js reads the file as UTF-16 code units; values computed by hand with that decoding.
TEST(LineHash, HashesUtf16CodeUnitsLikeNode) {
    EXPECT_EQ(lineHashes("caf\xC3\xA9 = 1;\n\xF0\x9F\x98\x80\n"),
              (Hashes{"b0342ab95e0f3fa4:1", "49e42825ed591e1a:1", "c129715d7a2bc9a3:1"}));
    // Ill-formed UTF-8 becomes one U+FFFD per maximal subpart, as Node's decoder does.
    EXPECT_EQ(lineHashes("a\xE0\x80"
                         "b\n"),
              (Hashes{"9246a1a8d412757e:1", "c129715d7a2bc9a3:1"}));
    EXPECT_EQ(lineHashes("a\xE0\x80"
                         "b\n"),
              lineHashes("a\xEF\xBF\xBD\xEF\xBF\xBD"
                         "b\n"));
}

TEST(LineHash, DependsOnTheNextHundredCharactersOnly) {
    std::string longLine(150, 'x');
    EXPECT_EQ(lineHashes(longLine + "a\n")[0], lineHashes(longLine + "b\n")[0]);
    EXPECT_NE(lineHashes("int a;\nint b;\n")[0], lineHashes("int a;\nint c;\n")[0]);
}

TEST(LineHash, FingerprintOfOneLine) {
    const std::string text = " a\nb\n  \t\tc\n d";
    EXPECT_EQ(lineFingerprint(text, 2), "54703d4cd895b18:1");
    EXPECT_EQ(lineFingerprint(text, 4), "a23a3dc5e078b07b:1");
    EXPECT_EQ(lineFingerprint(text, 0), "");
    EXPECT_EQ(lineFingerprint(text, 5), "");
}
