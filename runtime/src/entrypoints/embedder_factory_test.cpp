#include <devos/entrypoints/embedder_factory.hpp>
#include <gtest/gtest.h>

namespace devos::entrypoints {
namespace {

TEST(EmbedderFactory, WithoutAUrlUsesTheHashingEmbedder) {
    const auto embedder = makeEmbedder({});
    EXPECT_EQ(embedder->model(), "devos-hash-v1-1024");
    const std::vector<std::string> texts{"segfault in OrderRepo::save"};
    const auto vectors = embedder->embed(texts);
    ASSERT_TRUE(vectors.has_value());
    EXPECT_EQ(vectors->at(0).dims(), 1024U);
}

TEST(EmbedderFactory, WithAUrlUsesTheServersModel) {
    EXPECT_EQ(makeEmbedder({"http://127.0.0.1:1", "BAAI/bge-large-en-v1.5"})->model(),
              "BAAI/bge-large-en-v1.5");
}

} // namespace
} // namespace devos::entrypoints
