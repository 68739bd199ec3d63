#include <devos/entrypoints/embedder_factory.hpp>
#include <cstdlib>
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

TEST(EmbedderFactory, ReadsTheServerFromTheEnvironmentAndNeedsAModelName) {
    ::unsetenv("DEVOS_EMBEDDINGS_URL");
    ::unsetenv("DEVOS_EMBEDDINGS_MODEL");
    auto none = embedderSettingsFromEnvironment();
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->url.empty());
    ::setenv("DEVOS_EMBEDDINGS_URL", "http://127.0.0.1:8080", 1);
    EXPECT_EQ(embedderSettingsFromEnvironment().error().kind, contracts::ErrorKind::Invalid);
    ::setenv("DEVOS_EMBEDDINGS_MODEL", "bge", 1);
    auto both = embedderSettingsFromEnvironment();
    ASSERT_TRUE(both);
    EXPECT_EQ(both->model, "bge");
    ::unsetenv("DEVOS_EMBEDDINGS_URL");
    ::unsetenv("DEVOS_EMBEDDINGS_MODEL");
}

} // namespace
} // namespace devos::entrypoints
