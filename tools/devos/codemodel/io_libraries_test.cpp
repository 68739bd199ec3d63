#include "codemodel/io_libraries.hpp"

#include <gtest/gtest.h>

namespace devos::codemodel {
namespace {

TEST(IoLibraries, LibraryNamesAsTheLinkerSeesThem) {
    EXPECT_EQ(libraryName("-lsqlite3"), "sqlite3");
    EXPECT_EQ(libraryName("/usr/lib/x86_64-linux-gnu/libsqlite3.so"), "sqlite3");
    EXPECT_EQ(libraryName("/usr/lib/x86_64-linux-gnu/libgit2.so.1.5"), "git2");
    EXPECT_EQ(libraryName("libcurl.a"), "curl");
    EXPECT_EQ(libraryName("C:/lib/sqlite3.lib"), "sqlite3");
    EXPECT_EQ(libraryName("-pthread"), "pthread");
    EXPECT_EQ(libraryName("-Wl,-rpath,/x"), "");
}

TEST(IoLibraries, TheShippedListNamesDatabasesNetworkAndThreads) {
    auto io = IoLibraries::fromRules();
    ASSERT_TRUE(io) << io.error().render();
    EXPECT_EQ(io->match("-lsqlite3"), "sqlite3");
    EXPECT_EQ(io->match("/usr/lib/x86_64-linux-gnu/libpq.so"), "pq");
    EXPECT_EQ(io->match("/usr/lib/x86_64-linux-gnu/libcurl.so.4"), "curl");
    EXPECT_EQ(io->match("-lpthread"), "pthread");
    EXPECT_EQ(io->match("/usr/lib/libboost_filesystem.so.1.81.0"), "boost_filesystem");
    EXPECT_FALSE(io->match("/usr/lib/x86_64-linux-gnu/libyaml-cpp.so.0.7"));
    EXPECT_FALSE(io->match("liblogic.a"));
}

} // namespace
} // namespace devos::codemodel
