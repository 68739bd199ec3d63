#include "support/random_rows.hpp"

#include <algorithm>
#include <devos/adapters/cpu_vector_index.hpp>
#include <devos/adapters/cuda_vector_index.hpp>
#include <devos/contracts/embedding.hpp>
#include <gtest/gtest.h>
#include <numeric>
#include <random>

namespace devos::adapters {
namespace {

using contracts::EmbeddingMatrix;
using contracts::VectorStorage;

constexpr const char* kModel = "test-model";

using test::randomRows;

class CudaVectorIndexTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (cudaVectorDeviceCount() == 0) {
            GTEST_SKIP()
                << "no CUDA device (cudaGetDeviceCount failed or returned 0): GPU search not tested here";
        }
    }
};

// 70000 rows end in a partial 4096-row chunk. With the default budget they are one GEMM tile; a budget
// of 16384 rows x queries splits them into five tiles, the last one partial.
void expectCudaMatchesCpu(VectorStorage storage, std::size_t queryCount, float tolerance,
                          std::size_t scoreBudgetBytes = kCudaScoreBudgetBytes) {
    const std::size_t dims = 128;
    const std::size_t n = 70000;
    const auto corpus = randomRows(n, dims, 11);
    std::vector<std::uint64_t> ids(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = (i * 7919) % n; // a permutation: id order differs from row order
    }
    CpuVectorIndex cpu(dims, kModel, {storage, 0});
    auto cuda = makeCudaVectorIndex(dims, kModel, storage, scoreBudgetBytes);
    ASSERT_TRUE(cuda.has_value()) << cuda.error().message;
    ASSERT_TRUE(cpu.add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    ASSERT_TRUE((*cuda)->add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    const auto queries = randomRows(queryCount, dims, 12);
    const auto want = cpu.search(EmbeddingMatrix{kModel, dims, queries}, 10, 0.0F);
    const auto got = (*cuda)->search(EmbeddingMatrix{kModel, dims, queries}, 10, 0.0F);
    ASSERT_TRUE(want && got);
    for (std::size_t q = 0; q < queryCount; ++q) {
        ASSERT_EQ(got->at(q).size(), want->at(q).size()) << "query " << q;
        for (std::size_t r = 0; r < want->at(q).size(); ++r) {
            EXPECT_EQ(got->at(q)[r].id, want->at(q)[r].id) << "query " << q << " rank " << r;
            EXPECT_NEAR(got->at(q)[r].score, want->at(q)[r].score, tolerance)
                << "query " << q << " rank " << r;
        }
    }
}

TEST_F(CudaVectorIndexTest, Fp32SingleQueryMatchesTheCpuExactly) {
    expectCudaMatchesCpu(VectorStorage::Fp32, 1, 1e-5F);
}
TEST_F(CudaVectorIndexTest, Fp32BatchMatchesTheCpuExactly) {
    expectCudaMatchesCpu(VectorStorage::Fp32, 300, 1e-5F);
}
TEST_F(CudaVectorIndexTest, Fp32MatchesTheCpuAcrossSeveralTiles) {
    expectCudaMatchesCpu(VectorStorage::Fp32, 1, 1e-5F, 16384 * sizeof(float));
    expectCudaMatchesCpu(VectorStorage::Fp32, 300, 1e-5F, 16384 * 256 * sizeof(float));
}
// The device buffers are kept between searches: a bigger batch after a smaller one, then the small one
// again, must each give the CPU's answer.
TEST_F(CudaVectorIndexTest, RepeatedSearchesOfChangingSizeReuseTheBuffers) {
    const std::size_t dims = 64;
    const auto corpus = randomRows(9000, dims, 21);
    std::vector<std::uint64_t> ids(9000);
    std::iota(ids.begin(), ids.end(), 0);
    CpuVectorIndex cpu(dims, kModel);
    auto cuda = makeCudaVectorIndex(dims, kModel, VectorStorage::Fp32);
    ASSERT_TRUE(cuda.has_value());
    ASSERT_TRUE(cpu.add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    ASSERT_TRUE((*cuda)->add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    const std::size_t counts[] = {1, 40, 3, 40, 1};
    for (const std::size_t count : counts) {
        const auto queries = randomRows(count, dims, static_cast<unsigned>(30 + count));
        const auto want = cpu.search(EmbeddingMatrix{kModel, dims, queries}, 5, 0.1F);
        const auto got = (*cuda)->search(EmbeddingMatrix{kModel, dims, queries}, 5, 0.1F);
        ASSERT_TRUE(want && got);
        for (std::size_t q = 0; q < count; ++q) {
            ASSERT_EQ(got->at(q).size(), want->at(q).size()) << count << " queries, query " << q;
            for (std::size_t r = 0; r < want->at(q).size(); ++r) {
                EXPECT_EQ(got->at(q)[r].id, want->at(q)[r].id) << count << " queries, query " << q;
            }
        }
    }
}
// fp16 queries on the GPU vs fp32 queries on the CPU: the ranking may differ on near-ties, so only
// the scores of the CPU's fp16 path are compared, within fp16 rounding.
// Every vector three times under different ids, spread over chunks and threads: equal scores must come
// out by smaller id, as on the CPU, including ties that straddle the k-th place.
TEST_F(CudaVectorIndexTest, TiesAreBrokenBySmallerIdAsOnTheCpu) {
    const std::size_t dims = 32;
    const std::size_t distinct = 5000;
    const auto base = randomRows(distinct, dims, 41);
    std::vector<float> corpus;
    std::vector<std::uint64_t> ids;
    for (std::size_t copy = 0; copy < 3; ++copy) {
        corpus.insert(corpus.end(), base.begin(), base.end());
        for (std::size_t i = 0; i < distinct; ++i) {
            ids.push_back((i * 3 + (2 - copy)) * 7 % (3 * distinct)); // copies' ids in no row order
        }
    }
    CpuVectorIndex cpu(dims, kModel);
    auto cuda = makeCudaVectorIndex(dims, kModel, VectorStorage::Fp32);
    ASSERT_TRUE(cuda.has_value());
    ASSERT_TRUE(cpu.add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    ASSERT_TRUE((*cuda)->add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    const auto queries = randomRows(20, dims, 42);
    const auto want = cpu.search(EmbeddingMatrix{kModel, dims, queries}, 11, -1.0F);
    const auto got = (*cuda)->search(EmbeddingMatrix{kModel, dims, queries}, 11, -1.0F);
    ASSERT_TRUE(want && got);
    for (std::size_t q = 0; q < 20; ++q) {
        ASSERT_EQ(got->at(q).size(), 11U);
        for (std::size_t r = 0; r < 11; ++r) {
            EXPECT_EQ(got->at(q)[r].id, want->at(q)[r].id) << "query " << q << " rank " << r;
        }
    }
}

// Batches of increasing ids append their ranks; a batch below an earlier one ranks every row again.
// Either way the results are the CPU's.
TEST_F(CudaVectorIndexTest, BatchesInAnyIdOrderRankAsOnTheCpu) {
    const std::size_t dims = 48;
    CpuVectorIndex cpu(dims, kModel);
    auto cuda = makeCudaVectorIndex(dims, kModel, VectorStorage::Fp32);
    ASSERT_TRUE(cuda.has_value());
    const std::uint64_t firstIds[] = {1000, 0, 5000, 3000};
    for (std::size_t batch = 0; batch < 4; ++batch) {
        const auto rows = randomRows(1000, dims, static_cast<unsigned>(50 + batch));
        std::vector<std::uint64_t> ids(1000);
        std::iota(ids.begin(), ids.end(), firstIds[batch]);
        ASSERT_TRUE(cpu.add(ids, EmbeddingMatrix{kModel, dims, rows}).has_value());
        ASSERT_TRUE((*cuda)->add(ids, EmbeddingMatrix{kModel, dims, rows}).has_value());
        const auto queries = randomRows(8, dims, static_cast<unsigned>(60 + batch));
        const auto want = cpu.search(EmbeddingMatrix{kModel, dims, queries}, 10, -1.0F);
        const auto got = (*cuda)->search(EmbeddingMatrix{kModel, dims, queries}, 10, -1.0F);
        ASSERT_TRUE(want && got);
        for (std::size_t q = 0; q < 8; ++q) {
            ASSERT_EQ(got->at(q).size(), want->at(q).size());
            for (std::size_t r = 0; r < want->at(q).size(); ++r) {
                EXPECT_EQ(got->at(q)[r].id, want->at(q)[r].id) << "after batch " << batch << ", query " << q;
                EXPECT_NEAR(got->at(q)[r].score, want->at(q)[r].score, 1e-5F);
            }
        }
    }
}

TEST_F(CudaVectorIndexTest, Fp16ScoresMatchTheCpuWithinFp16Rounding) {
    const std::size_t dims = 256;
    const auto corpus = randomRows(5000, dims, 13);
    std::vector<std::uint64_t> ids(5000);
    std::iota(ids.begin(), ids.end(), 0);
    auto cuda = makeCudaVectorIndex(dims, kModel, VectorStorage::Fp16);
    ASSERT_TRUE(cuda.has_value());
    ASSERT_TRUE((*cuda)->add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    EXPECT_EQ((*cuda)->backend(), "cuda-fp16");
    const auto query = randomRows(1, dims, 14);
    const auto hits = (*cuda)->search(EmbeddingMatrix{kModel, dims, query}, 10, -1.0F);
    ASSERT_TRUE(hits.has_value());
    ASSERT_EQ(hits->at(0).size(), 10U);
    CpuVectorIndex cpu(dims, kModel);
    ASSERT_TRUE(cpu.add(ids, EmbeddingMatrix{kModel, dims, corpus}).has_value());
    const auto exact = cpu.search(EmbeddingMatrix{kModel, dims, query}, 10, -1.0F);
    ASSERT_TRUE(exact.has_value());
    for (std::size_t r = 0; r < 10; ++r) {
        EXPECT_NEAR(hits->at(0)[r].score, exact->at(0)[r].score, 3e-3F);
    }
}

TEST_F(CudaVectorIndexTest, RejectsAnotherModel) {
    auto cuda = makeCudaVectorIndex(4, kModel, VectorStorage::Fp32);
    ASSERT_TRUE(cuda.has_value());
    const std::vector<float> rows{1, 0, 0, 0};
    const std::vector<std::uint64_t> ids{1};
    EXPECT_FALSE((*cuda)->add(ids, EmbeddingMatrix{"other", 4, rows}).has_value());
}

TEST(CudaVectorIndexWithoutDevice, FactoryFailsCleanly) {
    if (cudaVectorDeviceCount() != 0) {
        GTEST_SKIP() << "a CUDA device is present: the no-device path is not reachable";
    }
    const auto index = makeCudaVectorIndex(4, kModel, VectorStorage::Fp32);
    ASSERT_FALSE(index.has_value());
    EXPECT_EQ(index.error().kind, contracts::ErrorKind::Unavailable);
}

} // namespace
} // namespace devos::adapters

namespace devos::adapters {
namespace {

// The CUDA index over a vector file's rows (strided: a 32-byte owner slot before each row) ranks as
// the CPU index over the same view, for fp32 and fp16 rows.
TEST_F(CudaVectorIndexTest, AViewOfStridedRowsRanksAsTheCpuView) {
    const std::size_t dims = 96;
    const std::size_t n = 9000;
    const auto corpus = randomRows(n, dims, 31);
    for (const auto storage : {VectorStorage::Fp32, VectorStorage::Fp16}) {
        const std::size_t element = storage == VectorStorage::Fp16 ? 2 : 4;
        const std::size_t stride = (32 + dims * element + 31) / 32 * 32;
        std::vector<std::byte> bytes(n * stride);
        for (std::size_t r = 0; r < n; ++r) {
            std::vector<float> row(corpus.begin() + static_cast<std::ptrdiff_t>(r * dims),
                                   corpus.begin() + static_cast<std::ptrdiff_t>((r + 1) * dims));
            ASSERT_TRUE(contracts::normaliseInPlace(row));
            for (std::size_t i = 0; i < dims; ++i) {
                std::byte* at = bytes.data() + r * stride + 32;
                if (storage == VectorStorage::Fp16) {
                    reinterpret_cast<_Float16*>(at)[i] = static_cast<_Float16>(row[i]);
                } else {
                    reinterpret_cast<float*>(at)[i] = row[i];
                }
            }
        }
        const contracts::VectorRows rows{kModel, dims, n, storage, bytes.data() + 32, stride};
        CpuVectorIndex cpu(rows, nullptr);
        auto cuda = makeCudaVectorIndex(rows);
        ASSERT_TRUE(cuda.has_value()) << cuda.error().message;
        EXPECT_EQ((*cuda)->size(), n);
        const auto queries = randomRows(3, dims, 32);
        const auto want = cpu.search(EmbeddingMatrix{kModel, dims, queries}, 10, 0.0F);
        const auto got = (*cuda)->search(EmbeddingMatrix{kModel, dims, queries}, 10, 0.0F);
        ASSERT_TRUE(want && got);
        for (std::size_t q = 0; q < 3; ++q) {
            ASSERT_EQ(got->at(q).size(), want->at(q).size());
            for (std::size_t r = 0; r < want->at(q).size(); ++r) {
                EXPECT_EQ(got->at(q)[r].id, want->at(q)[r].id) << "query " << q << " rank " << r;
                EXPECT_NEAR(got->at(q)[r].score, want->at(q)[r].score, 1e-4F);
            }
        }
    }
}

} // namespace
} // namespace devos::adapters
