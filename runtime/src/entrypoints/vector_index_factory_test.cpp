#include <devos/adapters/cuda_vector_index.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <gtest/gtest.h>

namespace devos::entrypoints {
namespace {

using contracts::VectorBackend;
using contracts::VectorStorage;

bool gpuUsable() {
#ifdef DEVOS_HAS_CUDA
    return adapters::cudaVectorDeviceCount() > 0;
#else
    return false;
#endif
}

TEST(VectorIndexFactory, CpuPreferenceGivesTheCpuIndex) {
    const auto index = makeVectorIndex(1024, "m", VectorBackend::Cpu, VectorStorage::Fp16);
    ASSERT_TRUE(index.has_value());
    EXPECT_TRUE((*index)->backend().starts_with("cpu-fp16-"));
    EXPECT_EQ((*index)->dims(), 1024U);
    EXPECT_EQ((*index)->model(), "m");
}

TEST(VectorIndexFactory, ThePortKeepsItsPreference) {
    const VectorIndexes cpu(VectorBackend::Cpu);
    const auto index = cpu.create(16, "m");
    ASSERT_TRUE(index.has_value());
    EXPECT_TRUE((*index)->backend().starts_with("cpu-fp32-"));
    EXPECT_EQ((*index)->dims(), 16U);
}

TEST(VectorIndexFactory, AutoPicksTheGpuWhenUsableElseFallsBackToTheCpu) {
    const auto index = makeVectorIndex(8, "m");
    ASSERT_TRUE(index.has_value());
    EXPECT_EQ((*index)->backend().starts_with("cuda-"), gpuUsable()) << (*index)->backend();
}

TEST(VectorIndexFactory, CudaPreferenceWithoutAGpuIsUnavailable) {
    if (gpuUsable()) {
        GTEST_SKIP() << "a CUDA device is present: the no-device path is not reachable";
    }
    const auto index = makeVectorIndex(8, "m", VectorBackend::Cuda);
    ASSERT_FALSE(index.has_value());
    EXPECT_EQ(index.error().kind, contracts::ErrorKind::Unavailable);
}

TEST(VectorIndexFactory, RejectsZeroDimsAndAnEmptyModel) {
    EXPECT_FALSE(makeVectorIndex(0, "m").has_value());
    EXPECT_FALSE(makeVectorIndex(8, "").has_value());
}

} // namespace
} // namespace devos::entrypoints
