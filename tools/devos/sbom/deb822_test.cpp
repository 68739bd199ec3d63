#include "sbom/deb822.hpp"

#include <gtest/gtest.h>

namespace devos::sbom {
namespace {

TEST(Deb822, ParagraphsWithLowerCaseFieldsAndJoinedContinuations) {
    auto ps = readDeb822("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\r\n"
                         "Upstream-Name: zlib\n"
                         "\n"
                         "Files: *\n"
                         "License: Zlib\n"
                         " This software is provided 'as-is'\n"
                         " .\n"
                         "\t  without any warranty.\n"
                         "  \t\n"
                         "\n"
                         "Files: contrib/*\n"
                         "Copyright: 1995 Jean-loup Gailly\n");
    ASSERT_EQ(ps.size(), 3u);
    EXPECT_EQ(ps[0].at("format"), "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/");
    EXPECT_EQ(ps[0].at("upstream-name"), "zlib");
    EXPECT_EQ(ps[1].at("license"), "Zlib\nThis software is provided 'as-is'\n.\nwithout any warranty.");
    EXPECT_EQ(ps[2].at("files"), "contrib/*");
}

TEST(Deb822, OnlyTheAskedFieldsAndNotTheirContinuations) {
    const std::set<std::string> only{"package", "status"};
    auto ps = readDeb822("Package: zlib1g-dev\nStatus: install ok installed\nDescription: compression\n"
                         " more text\nConffiles:\n /etc/x 123\n\n\n\nPackage: b\n",
                         &only);
    ASSERT_EQ(ps.size(), 2u);
    EXPECT_EQ(ps[0], (Deb822Paragraph{{"package", "zlib1g-dev"}, {"status", "install ok installed"}}));
    EXPECT_EQ(ps[1], (Deb822Paragraph{{"package", "b"}}));
}

TEST(Deb822, NothingIsNoParagraph) {
    EXPECT_TRUE(readDeb822("").empty());
    EXPECT_TRUE(readDeb822("\n\n  \n").empty());
}

} // namespace
} // namespace devos::sbom
