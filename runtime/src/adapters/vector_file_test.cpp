#include <chrono>
#include <cmath>
#include <csignal>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/adapters/vector_file.hpp>
#include <devos/contracts/embedding.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace devos::adapters {
namespace {

constexpr const char* kModel = "test-hash-16";
constexpr std::size_t kDims = 16;

// A fresh folder for one test: its SQLite store and its vector files.
std::filesystem::path freshDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto dir = std::filesystem::temp_directory_path() /
                     ("devos_vector_file_" + std::to_string(::getpid())) / info->name();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// A deterministic, non-zero vector for `id` (not normalised: the file normalises).
std::vector<float> vectorOf(const std::string& id, float scale = 1.0F) {
    std::vector<float> v(kDims);
    std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(id)));
    std::uniform_real_distribution<float> u(-1.0F, 1.0F);
    for (auto& x : v)
        x = u(rng) * scale;
    v[0] += 2.0F;
    return v;
}

contracts::StoredEmbedding testVector(const std::string& id) {
    return {std::string(contracts::kTestFailureOwner), id, kModel, vectorOf(id)};
}

std::uint64_t inodeOf(const std::string& path) {
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Row r of the mapped vectors, widened to fp32.
std::vector<float> rowOf(const ports::FailureVectors& vectors, std::size_t r) {
    const auto& rows = vectors.rows();
    const std::byte* at = rows.data + r * rows.strideBytes;
    std::vector<float> out(rows.dims);
    for (std::size_t i = 0; i < rows.dims; ++i)
        out[i] = rows.storage == contracts::VectorStorage::Fp16
                     ? static_cast<float>(reinterpret_cast<const _Float16*>(at)[i])
                     : reinterpret_cast<const float*>(at)[i];
    return out;
}

// Checks that `vectors` holds exactly the store's failure vectors of kModel, normalised, each once.
void expectMatchesStore(ports::TelemetryStore& store, const ports::FailureVectors& vectors, float tolerance) {
    std::map<std::pair<std::string, std::string>, std::vector<float>> stored;
    auto generation = store.visitFailureVectors(
        kModel, [&](const contracts::StoredEmbedding& e) -> contracts::Expected<void> {
            auto v = e.vector;
            EXPECT_TRUE(contracts::normaliseInPlace(v));
            stored[{e.ownerKind, e.ownerId}] = v;
            return {};
        });
    ASSERT_TRUE(generation) << generation.error().render();
    EXPECT_EQ(vectors.generation(), *generation);
    ASSERT_EQ(vectors.rows().count, stored.size());
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t r = 0; r < vectors.rows().count; ++r) {
        const auto owner = vectors.owner(r);
        const std::pair<std::string, std::string> key{std::string(owner.kind), std::string(owner.id)};
        ASSERT_TRUE(stored.contains(key)) << key.first << " " << key.second;
        EXPECT_TRUE(seen.insert(key).second) << "row " << r << " repeats " << key.second;
        const auto row = rowOf(vectors, r);
        for (std::size_t i = 0; i < kDims; ++i)
            ASSERT_NEAR(row[i], stored[key][i], tolerance) << key.second << "[" << i << "]";
    }
}

class VectorFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = openSqliteStore((dir / "telemetry.db").string());
        ASSERT_TRUE(opened) << opened.error().render();
        store = std::move(*opened);
    }

    std::string path() const { return vectorFilePath(vectorDir, kModel); }

    std::filesystem::path dir = freshDir();
    std::string vectorDir = (dir / "telemetry.db.vectors").string();
    std::unique_ptr<ports::TelemetryStore> store;
};

TEST_F(VectorFileTest, BuildsFromTheStoreAndMapsEveryFailureVectorNormalised) {
    for (const char* id : {"01B", "01A", "01C"})
        ASSERT_TRUE(store->putEmbedding(testVector(id)));
    ASSERT_TRUE(
        store->putEmbedding({std::string(contracts::kLintFailureOwner), "01L", kModel, vectorOf("01L")}));
    ASSERT_TRUE(store->putEmbedding({"selfheal_proposal", "P1", kModel, vectorOf("P1")})); // not a failure
    ASSERT_TRUE(
        store->putEmbedding({std::string(contracts::kTestFailureOwner), "01X", "other", vectorOf("01X")}));

    for (const auto storage : {contracts::VectorStorage::Fp16, contracts::VectorStorage::Fp32}) {
        auto cache = makeVectorFileCache(vectorDir, *store, storage);
        auto vectors = cache->open(kModel);
        ASSERT_TRUE(vectors) << vectors.error().render();
        const auto& rows = (*vectors)->rows();
        EXPECT_EQ(rows.model, kModel);
        EXPECT_EQ(rows.dims, kDims);
        EXPECT_EQ(rows.storage, storage);
        EXPECT_EQ(rows.strideBytes % 32, 0U);
        EXPECT_EQ((*vectors)->source(), path());
        // ordered by (kind, id): the lint failure, then the test failures by id
        EXPECT_EQ((*vectors)->owner(0).kind, contracts::kLintFailureOwner);
        EXPECT_EQ((*vectors)->owner(1).id, "01A");
        EXPECT_EQ((*vectors)->owner(3).id, "01C");
        expectMatchesStore(*store, **vectors, storage == contracts::VectorStorage::Fp16 ? 1e-3F : 1e-6F);
    }
}

TEST_F(VectorFileTest, AppendsCommittedVectorsInPlaceAndRebuildsWhenTheStoreChangedOtherwise) {
    auto cache = makeVectorFileCache(vectorDir, *store);
    ASSERT_TRUE(store->putEmbedding(testVector("01A")));
    ASSERT_TRUE(cache->open(kModel));
    const auto built = inodeOf(path());

    // two new vectors, appended after their commit: the same file grows, no rebuild
    const std::vector<contracts::StoredEmbedding> batch{testVector("01B"), testVector("01C")};
    for (const auto& v : batch)
        ASSERT_TRUE(store->putEmbedding(v));
    ASSERT_TRUE(cache->appendCommitted(batch));
    auto vectors = cache->open(kModel);
    ASSERT_TRUE(vectors) << vectors.error().render();
    EXPECT_EQ(inodeOf(path()), built);
    EXPECT_EQ((*vectors)->owner(2).id, "01C");
    expectMatchesStore(*store, **vectors, 1e-3F);

    // a replaced vector is not "one more": the append is refused and open() rebuilds
    auto replaced = testVector("01A");
    replaced.vector = vectorOf("something else");
    ASSERT_TRUE(store->putEmbedding(replaced));
    ASSERT_TRUE(cache->appendCommitted(std::vector{replaced}));
    vectors = cache->open(kModel);
    ASSERT_TRUE(vectors);
    EXPECT_NE(inodeOf(path()), built);
    expectMatchesStore(*store, **vectors, 1e-3F);
    EXPECT_EQ((*vectors)->rows().count, 3U);

    // vectors another writer stored without appending: rebuilt too
    ASSERT_TRUE(store->putEmbedding(testVector("01D")));
    vectors = cache->open(kModel);
    ASSERT_TRUE(vectors);
    expectMatchesStore(*store, **vectors, 1e-3F);

    // an earlier mapping stays readable and unchanged after the file is replaced
    const auto before = std::move(*vectors);
    ASSERT_TRUE(store->putEmbedding(testVector("01E")));
    vectors = cache->open(kModel);
    ASSERT_TRUE(vectors);
    EXPECT_EQ(before->rows().count, 4U);
    EXPECT_EQ(before->owner(3).id, "01D");
    EXPECT_EQ((*vectors)->rows().count, 5U);
}

TEST_F(VectorFileTest, ADamagedHeaderOrATruncatedFileIsRebuilt) {
    auto cache = makeVectorFileCache(vectorDir, *store);
    for (const char* id : {"01A", "01B", "01C"})
        ASSERT_TRUE(store->putEmbedding(testVector(id)));
    ASSERT_TRUE(cache->open(kModel));
    {
        std::fstream file(path(), std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(40); // inside the header's count and generation
        file.put('\x7f');
    }
    auto vectors = cache->open(kModel);
    ASSERT_TRUE(vectors) << vectors.error().render();
    expectMatchesStore(*store, **vectors, 1e-3F);

    std::filesystem::resize_file(path(), std::filesystem::file_size(path()) - 10); // the last row cut
    vectors = cache->open(kModel);
    ASSERT_TRUE(vectors) << vectors.error().render();
    expectMatchesStore(*store, **vectors, 1e-3F);

    std::filesystem::resize_file(path(), 100); // not even a header
    vectors = cache->open(kModel);
    ASSERT_TRUE(vectors) << vectors.error().render();
    expectMatchesStore(*store, **vectors, 1e-3F);
}

TEST_F(VectorFileTest, BytesPastTheCountedRowsAreIgnoredAndOverwrittenByTheNextAppend) {
    // what a crash between writing rows and rewriting the header leaves behind
    auto cache = makeVectorFileCache(vectorDir, *store);
    ASSERT_TRUE(store->putEmbedding(testVector("01A")));
    ASSERT_TRUE(cache->open(kModel));
    {
        std::ofstream file(path(), std::ios::app | std::ios::binary);
        file << std::string(1000, '\xff');
    }
    const auto built = inodeOf(path());
    auto vectors = cache->open(kModel);
    ASSERT_TRUE(vectors);
    EXPECT_EQ((*vectors)->rows().count, 1U);
    EXPECT_EQ(inodeOf(path()), built); // not rebuilt: the header and the store still agree

    const std::vector<contracts::StoredEmbedding> batch{testVector("01B")};
    ASSERT_TRUE(store->putEmbedding(batch[0]));
    ASSERT_TRUE(cache->appendCommitted(batch));
    vectors = cache->open(kModel);
    ASSERT_TRUE(vectors);
    EXPECT_EQ(inodeOf(path()), built);
    expectMatchesStore(*store, **vectors, 1e-3F);
}

TEST_F(VectorFileTest, ARecreatedStoreNeverMatchesTheOldFile) {
    auto cache = makeVectorFileCache(vectorDir, *store);
    ASSERT_TRUE(store->putEmbedding(testVector("01A")));
    ASSERT_TRUE(cache->open(kModel));
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove((dir / "telemetry.db").string() + suffix);
    auto reopened = openSqliteStore((dir / "telemetry.db").string());
    ASSERT_TRUE(reopened);
    store = std::move(*reopened);
    ASSERT_TRUE(store->putEmbedding(testVector("01Z"))); // one vector again: a random new generation
    auto fresh = makeVectorFileCache(vectorDir, *store);
    auto vectors = fresh->open(kModel);
    ASSERT_TRUE(vectors);
    ASSERT_EQ((*vectors)->rows().count, 1U);
    EXPECT_EQ((*vectors)->owner(0).id, "01Z");
}

TEST_F(VectorFileTest, AnEmptyModelMapsNoRowsAndBadVectorsAreNamed) {
    auto cache = makeVectorFileCache(vectorDir, *store);
    auto empty = cache->open(kModel);
    ASSERT_TRUE(empty) << empty.error().render();
    EXPECT_EQ((*empty)->rows().count, 0U);

    ASSERT_TRUE(store->putEmbedding({std::string(contracts::kTestFailureOwner),
                                     "an-id-much-longer-than-thirty-bytes", kModel, vectorOf("x")}));
    auto tooLong = cache->open(kModel);
    ASSERT_FALSE(tooLong);
    EXPECT_NE(tooLong.error().message.find("an-id-much-longer-than-thirty-bytes"), std::string::npos);
}

TEST(VectorFilePath, KeepsPlainModelNamesAndHashesOddOnes) {
    EXPECT_EQ(vectorFilePath("/d", "devos-hash-v3-1024"), "/d/devos-hash-v3-1024.vectors");
    const auto odd = vectorFilePath("/d", "../bge large/v1.5");
    EXPECT_EQ(odd.rfind("/d/", 0), 0U);
    EXPECT_EQ(odd.find("..", 3), std::string::npos) << odd;
    EXPECT_EQ(odd.find('/', 3), std::string::npos) << odd;
    EXPECT_NE(vectorFilePath("/d", "a/b"), vectorFilePath("/d", "a_b"));
}

// The crash test: a child process stores vectors and appends them (and now and then stores one
// without appending, or opens the file, which rebuilds it) until it is killed with SIGKILL at a
// random moment; afterwards the file must hold exactly the store's vectors.
TEST_F(VectorFileTest, AWriterKilledAtAnyMomentLeavesAFileThatMatchesTheStore) {
    std::mt19937 rng(12);
    int next = 0;
    for (int round = 0; round < 6; ++round) {
        const int first = next;
        next += 100000;
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            auto own = openSqliteStore((dir / "telemetry.db").string());
            if (!own)
                ::_exit(3);
            auto cache = makeVectorFileCache(vectorDir, **own);
            for (int i = first;; ++i) {
                char id[32];
                std::snprintf(id, sizeof id, "01K%08d", i);
                const std::vector<contracts::StoredEmbedding> batch{testVector(id)};
                if (!(*own)->putEmbedding(batch[0]))
                    ::_exit(4);
                if (i % 17 != 0 && !cache->appendCommitted(batch))
                    ::_exit(5);
                if (i % 29 == 0 && !cache->open(kModel))
                    ::_exit(6);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(20, 400)(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself with " << WEXITSTATUS(status);
        auto cache = makeVectorFileCache(vectorDir, *store);
        auto vectors = cache->open(kModel);
        ASSERT_TRUE(vectors) << vectors.error().render();
        expectMatchesStore(*store, **vectors, 1e-3F);
    }
}

} // namespace
} // namespace devos::adapters
