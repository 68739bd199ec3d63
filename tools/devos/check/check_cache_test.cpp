#include "check/check_cache.hpp"

#include <devos/foundation/files.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace fs = std::filesystem;
using devos::check::CheckCache;
using devos::check::Dependency;

namespace {

class CheckCacheTest : public testing::Test {
protected:
    void SetUp() override {
        dir = fs::path(testing::TempDir()) / ("devos-check-cache-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        header = (dir / "a.hpp").string();
        write(header, "int a();\n");
        summary.tu = "src/logic/a.cpp";
    }
    void TearDown() override { fs::remove_all(dir); }
    static void write(const std::string& path, const std::string& text) {
        ASSERT_TRUE(devos::foundation::writeFileAtomically(path, text));
    }
    // Stores `summary` under `key` with the header as its one dependency, as it is now.
    void store(const CheckCache& cache, const std::string& key) {
        auto dep = CheckCache::describe(header);
        ASSERT_TRUE(dep);
        auto stored = cache.store(key, {*dep}, summary);
        ASSERT_TRUE(stored) << stored.error().render();
    }
    fs::path dir;
    std::string header;
    devos::engine::EffectSummary summary;
};

TEST_F(CheckCacheTest, AnEntryIsAHitWhileItsDependenciesAreUnchanged) {
    CheckCache cache((dir / "cache").string());
    EXPECT_FALSE(cache.lookup("k1")) << "nothing stored yet";
    store(cache, "k1");
    auto hit = cache.lookup("k1");
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->tu, "src/logic/a.cpp");
    EXPECT_FALSE(cache.lookup("k2")) << "another command or policy is another key";
}

TEST_F(CheckCacheTest, AChangedDependencyIsAMissATouchIsNot) {
    CheckCache cache((dir / "cache").string());
    store(cache, "k");
    // Same content, new mtime (a `touch` or a checkout): the content hash still agrees.
    fs::last_write_time(header, fs::last_write_time(header) + std::chrono::seconds(5));
    EXPECT_TRUE(cache.lookup("k"));
    // Same size, other content: a miss, whatever the mtime says.
    write(header, "int b();\n");
    EXPECT_FALSE(cache.lookup("k"));
    store(cache, "k");
    EXPECT_TRUE(cache.lookup("k"));
    fs::remove(header);
    EXPECT_FALSE(cache.lookup("k")) << "a dependency that is gone";
}

TEST_F(CheckCacheTest, ACorruptEntryIsAMissAndIsRewritten) {
    CheckCache cache((dir / "cache").string());
    store(cache, "k");
    write((dir / "cache" / "k.json").string(), "{\"deps\": [");
    EXPECT_FALSE(cache.lookup("k"));
    write((dir / "cache" / "k.json").string(), "{\"deps\": [{\"path\": 3}], \"summary\": {}}");
    EXPECT_FALSE(cache.lookup("k"));
    store(cache, "k");
    EXPECT_TRUE(cache.lookup("k"));
}

TEST_F(CheckCacheTest, AnEntryThatCannotBeWrittenIsAnErrorNamingIt) {
    write((dir / "blocker").string(), "a file where the cache folder should be");
    CheckCache cache((dir / "blocker" / "cache").string());
    auto dep = CheckCache::describe(header);
    ASSERT_TRUE(dep);
    auto stored = cache.store("k", {*dep}, summary);
    ASSERT_FALSE(stored);
    EXPECT_EQ(stored.error().kind, devos::foundation::ErrorKind::Io);
    EXPECT_NE(stored.error().render().find("the cache entry"), std::string::npos) << stored.error().render();
}

TEST_F(CheckCacheTest, DescribesAFileByItsContent) {
    auto a = CheckCache::describe(header);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->path, header);
    EXPECT_EQ(a->size, 9);
    EXPECT_EQ(a->hash.size(), 32u) << "XXH3-128 as 32 hex digits";
    write(header, "int c();\n");
    auto b = CheckCache::describe(header);
    ASSERT_TRUE(b);
    EXPECT_NE(a->hash, b->hash);
    EXPECT_FALSE(CheckCache::describe((dir / "none.hpp").string()));
}

} // namespace
