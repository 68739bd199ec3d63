#include "support/random_rows.hpp"

#include <algorithm>
#include <cmath>
#include <devos/adapters/cpu_vector_index.hpp>
#include <gtest/gtest.h>
#include <numeric>
#include <random>

namespace devos::adapters {
namespace {

using contracts::EmbeddingMatrix;
using contracts::VectorHit;
using contracts::VectorStorage;

constexpr const char* kModel = "test-model";

using test::randomRows;

std::vector<std::uint64_t> idsFrom(std::uint64_t first, std::size_t count) {
    std::vector<std::uint64_t> ids(count);
    for (std::size_t i = 0; i < count; ++i) {
        ids[i] = first + 3 * i;
    }
    return ids;
}

// fp64 brute force over the normalised rows: the reference every path must reproduce.
std::vector<VectorHit> reference(const std::vector<float>& corpus, const std::vector<std::uint64_t>& ids,
                                 std::span<const float> query, std::size_t dims, std::size_t k,
                                 float threshold) {
    auto norm = [dims](const float* v) {
        double s = 0;
        for (std::size_t i = 0; i < dims; ++i) {
            s += double(v[i]) * v[i];
        }
        return std::sqrt(s);
    };
    std::vector<VectorHit> all;
    const double qn = norm(query.data());
    for (std::size_t r = 0; r < ids.size(); ++r) {
        const float* row = corpus.data() + r * dims;
        double dot = 0;
        for (std::size_t i = 0; i < dims; ++i) {
            dot += double(row[i]) * query[i];
        }
        const auto score = static_cast<float>(dot / (norm(row) * qn));
        if (score >= threshold) {
            all.push_back({ids[r], score});
        }
    }
    std::sort(all.begin(), all.end(), contracts::rankedBefore);
    all.resize(std::min(k, all.size()));
    return all;
}

void expectSameHits(const std::vector<VectorHit>& got, const std::vector<VectorHit>& want, float tolerance) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].id, want[i].id) << "rank " << i;
        EXPECT_NEAR(got[i].score, want[i].score, tolerance) << "rank " << i;
    }
}

struct Corpus {
    std::size_t dims;
    std::vector<float> rows;
    std::vector<std::uint64_t> ids;
};

Corpus filled(CpuVectorIndex& index, std::size_t count, unsigned seed) {
    Corpus c{index.dims(), randomRows(count, index.dims(), seed), idsFrom(100, count)};
    EXPECT_TRUE(index.add(c.ids, EmbeddingMatrix{kModel, c.dims, c.rows}).has_value());
    return c;
}

TEST(CpuVectorIndex, SingleQueryScanMatchesTheFp64Reference) {
    CpuVectorIndex index(37, kModel); // 37: exercises the scalar tail after the 8-lane blocks
    const Corpus c = filled(index, 3000, 1);
    const auto queries = randomRows(1, c.dims, 2);
    const auto hits = index.search(EmbeddingMatrix{kModel, c.dims, queries}, 10, -1.0F);
    ASSERT_TRUE(hits.has_value());
    expectSameHits(hits->at(0), reference(c.rows, c.ids, queries, c.dims, 10, -1.0F), 1e-5F);
}

TEST(CpuVectorIndex, BatchedGemmMatchesTheFp64Reference) {
    CpuVectorIndex index(64, kModel);
    const Corpus c = filled(index, 9000, 3); // three 4096-row tiles, the last one partial
    const auto queries = randomRows(6, c.dims, 4);
    const auto hits = index.search(EmbeddingMatrix{kModel, c.dims, queries}, 7, 0.1F);
    ASSERT_TRUE(hits.has_value());
    ASSERT_EQ(hits->size(), 6U);
    for (std::size_t q = 0; q < 6; ++q) {
        const auto query = std::span<const float>(queries).subspan(q * c.dims, c.dims);
        expectSameHits(hits->at(q), reference(c.rows, c.ids, query, c.dims, 7, 0.1F), 1e-5F);
    }
}

TEST(CpuVectorIndex, ThreadedScanEqualsOneThread) {
    CpuVectorIndex one(16, kModel, {VectorStorage::Fp32, 1});
    CpuVectorIndex two(16, kModel, {VectorStorage::Fp32, 2});
    const Corpus c = filled(one, 40000, 5);
    ASSERT_TRUE(two.add(c.ids, EmbeddingMatrix{kModel, c.dims, c.rows}).has_value());
    const auto query = randomRows(1, c.dims, 6);
    const auto a = one.search(EmbeddingMatrix{kModel, c.dims, query}, 20, 0.0F);
    const auto b = two.search(EmbeddingMatrix{kModel, c.dims, query}, 20, 0.0F);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
}

TEST(CpuVectorIndex, Fp16StorageAgreesWithFp32WithinTolerance) {
    CpuVectorIndex fp32(256, kModel);
    CpuVectorIndex fp16(256, kModel, {VectorStorage::Fp16, 0});
    EXPECT_EQ(fp16.backend().substr(0, 9), "cpu-fp16-");
    const Corpus c = filled(fp32, 5000, 7);
    ASSERT_TRUE(fp16.add(c.ids, EmbeddingMatrix{kModel, c.dims, c.rows}).has_value());
    for (std::size_t count : {1U, 8U}) { // scan and GEMM
        const auto queries = randomRows(count, c.dims, 8);
        const auto a = fp32.search(EmbeddingMatrix{kModel, c.dims, queries}, 10, -1.0F);
        const auto b = fp16.search(EmbeddingMatrix{kModel, c.dims, queries}, 10, -1.0F);
        ASSERT_TRUE(a && b);
        for (std::size_t q = 0; q < count; ++q) {
            ASSERT_EQ(a->at(q).size(), b->at(q).size());
            for (std::size_t i = 0; i < a->at(q).size(); ++i) {
                EXPECT_NEAR(a->at(q)[i].score, b->at(q)[i].score, 2e-3F);
            }
        }
    }
}

// Normalised rows laid out as a vector file does: a 32-byte slot before each row, rows padded.
struct StridedRows {
    std::vector<std::byte> bytes;
    contracts::VectorRows view;
};

StridedRows strided(const std::vector<float>& rows, std::size_t dims, VectorStorage storage) {
    const std::size_t element = storage == VectorStorage::Fp16 ? 2 : 4;
    const std::size_t stride = (32 + dims * element + 31) / 32 * 32;
    const std::size_t count = rows.size() / dims;
    StridedRows out{std::vector<std::byte>(count * stride + 64, std::byte{0x7f}), {}};
    auto* base =
        reinterpret_cast<std::byte*>((reinterpret_cast<std::uintptr_t>(out.bytes.data()) + 31) / 32 * 32);
    for (std::size_t r = 0; r < count; ++r) {
        std::vector<float> row(rows.begin() + static_cast<std::ptrdiff_t>(r * dims),
                               rows.begin() + static_cast<std::ptrdiff_t>((r + 1) * dims));
        EXPECT_TRUE(contracts::normaliseInPlace(row));
        std::byte* at = base + r * stride + 32;
        for (std::size_t i = 0; i < dims; ++i) {
            if (storage == VectorStorage::Fp16) {
                reinterpret_cast<_Float16*>(at)[i] = static_cast<_Float16>(row[i]);
            } else {
                reinterpret_cast<float*>(at)[i] = row[i];
            }
        }
    }
    out.view = {kModel, dims, count, storage, base + 32, stride};
    return out;
}

TEST(CpuVectorIndex, AViewScansStridedRowsInPlaceOnEveryPath) {
    constexpr std::size_t dims = 100; // not a multiple of 32: the scalar tail and padded rows
    const auto rows = randomRows(20000, dims, 21);
    std::vector<std::uint64_t> ids(20000); // a view's ids are its row numbers
    std::iota(ids.begin(), ids.end(), 0U);
    for (const auto storage : {VectorStorage::Fp32, VectorStorage::Fp16}) {
        const StridedRows laid = strided(rows, dims, storage);
        CpuVectorIndex view(laid.view, nullptr, {VectorStorage::Fp32, 2});
        EXPECT_EQ(view.size(), 20000U);
        EXPECT_EQ(view.backend().substr(0, 9), storage == VectorStorage::Fp16 ? "cpu-fp16-" : "cpu-fp32-");
        EXPECT_FALSE(view.add(std::vector<std::uint64_t>{1},
                              EmbeddingMatrix{kModel, dims, std::span(rows).first(dims)}))
            << "a view is read-only";
        const float tolerance = storage == VectorStorage::Fp16 ? 2e-3F : 1e-5F;
        for (std::size_t count : {1U, 5U}) { // scan and GEMM
            const auto queries = randomRows(count, dims, 22);
            const auto hits = view.search(EmbeddingMatrix{kModel, dims, queries}, 10, -1.0F);
            ASSERT_TRUE(hits.has_value()) << hits.error().render();
            for (std::size_t q = 0; q < count; ++q) {
                const auto query = std::span<const float>(queries).subspan(q * dims, dims);
                const auto want = reference(rows, ids, query, dims, 10, -1.0F);
                ASSERT_EQ(hits->at(q).size(), want.size());
                for (std::size_t i = 0; i < want.size(); ++i) {
                    EXPECT_NEAR(hits->at(q)[i].score, want[i].score, tolerance) << "rank " << i;
                    if (storage == VectorStorage::Fp32) {
                        EXPECT_EQ(hits->at(q)[i].id, want[i].id) << "rank " << i;
                    }
                }
            }
        }
    }
}

TEST(CpuVectorIndex, EqualScoresRankTheSmallerIdFirstOnEveryPath) {
    CpuVectorIndex index(8, kModel);
    const std::vector<float> rows{1, 0, 0, 0, 0, 0, 0, 0, //
                                  0, 1, 0, 0, 0, 0, 0, 0, //
                                  2, 0, 0, 0, 0, 0, 0, 0};
    const std::vector<std::uint64_t> ids{9, 5, 4};
    ASSERT_TRUE(index.add(ids, EmbeddingMatrix{kModel, 8, rows}).has_value());
    for (std::size_t count : {1U, 4U}) {
        std::vector<float> queries;
        for (std::size_t q = 0; q < count; ++q) {
            queries.insert(queries.end(), {1, 0, 0, 0, 0, 0, 0, 0});
        }
        const auto hits = index.search(EmbeddingMatrix{kModel, 8, queries}, 2, 0.7F);
        ASSERT_TRUE(hits.has_value());
        for (const auto& perQuery : *hits) {
            EXPECT_EQ(perQuery, (std::vector<VectorHit>{{4, 1.0F}, {9, 1.0F}})); // 5 is below the threshold
        }
    }
}

TEST(CpuVectorIndex, RejectsAnotherModelOrDimensionAndStoresNothing) {
    CpuVectorIndex index(4, kModel);
    const std::vector<float> rows{1, 2, 3, 4};
    const std::vector<std::uint64_t> ids{1};
    EXPECT_FALSE(index.add(ids, EmbeddingMatrix{"other-model", 4, rows}).has_value());
    EXPECT_FALSE(index.add(ids, EmbeddingMatrix{kModel, 2, rows}).has_value());
    const std::vector<float> zero{0, 0, 0, 0};
    EXPECT_FALSE(index.add(ids, EmbeddingMatrix{kModel, 4, zero}).has_value());
    EXPECT_FALSE(index.add({}, EmbeddingMatrix{kModel, 4, rows}).has_value());
    EXPECT_EQ(index.size(), 0U);
    const auto wrong = index.search(EmbeddingMatrix{"other-model", 4, rows}, 1, 0.0F);
    ASSERT_FALSE(wrong.has_value());
    EXPECT_NE(wrong.error().message.find("other-model"), std::string::npos);
    EXPECT_FALSE(index.search(EmbeddingMatrix{kModel, 4, rows}, 0, 0.0F).has_value());
}

TEST(CpuVectorIndex, EmptyIndexFindsNothing) {
    CpuVectorIndex index(4, kModel);
    const std::vector<float> queries(4 * 5, 1.0F);
    const auto hits = index.search(EmbeddingMatrix{kModel, 4, queries}, 3, 0.0F);
    ASSERT_TRUE(hits.has_value());
    EXPECT_EQ(hits->size(), 5U);
    EXPECT_TRUE(hits->front().empty());
}

} // namespace
} // namespace devos::adapters
