#include <cstdlib>
#include <devos/entrypoints/embedder_factory.hpp>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <string>

namespace devos::entrypoints {
namespace {

// Sets (or, with nullptr, unsets) an environment variable for one scope and restores it after, so a
// test never leaks its environment into the next one in the same process.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name))
            old_ = old;
        set(value);
    }
    ~ScopedEnv() { set(old_ ? old_->c_str() : nullptr); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    void set(const char* value) {
        if (value)
            ::setenv(name_, value, 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(EmbedderFactory, WithoutAUrlUsesTheHashingEmbedder) {
    const auto embedder = makeEmbedder({});
    EXPECT_EQ(embedder->model(), "devos-hash-v3-1024");
    const std::vector<std::string> texts{"segfault in OrderRepo::save"};
    const auto vectors = embedder->embed(texts);
    ASSERT_TRUE(vectors.has_value());
    EXPECT_EQ(vectors->at(0).dims(), 1024U);
}

TEST(EmbedderFactory, WithAUrlUsesTheServersModel) {
    EXPECT_EQ(makeEmbedder({"http://127.0.0.1:1", "BAAI/bge-large-en-v1.5", ""})->model(),
              "BAAI/bge-large-en-v1.5");
}

TEST(EmbedderFactory, ReadsTheServerFromTheEnvironmentAndNeedsAModelName) {
    ScopedEnv url("DEVOS_EMBEDDINGS_URL", nullptr);
    ScopedEnv model("DEVOS_EMBEDDINGS_MODEL", nullptr);
    auto none = embedderSettingsFrom(processEnvironment());
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->url.empty());
    url.set("http://127.0.0.1:8080");
    EXPECT_EQ(embedderSettingsFrom(processEnvironment()).error().kind, contracts::ErrorKind::Invalid);
    model.set("bge");
    auto both = embedderSettingsFrom(processEnvironment());
    ASSERT_TRUE(both);
    EXPECT_EQ(both->model, "bge");
}

TEST(EmbedderFactory, ReadsTheServerModelAndKeyFromTheLookupItIsGiven) {
    const std::map<std::string, std::string> variables{{"DEVOS_EMBEDDINGS_URL", "http://127.0.0.1:8080"},
                                                       {"DEVOS_EMBEDDINGS_MODEL", "bge"},
                                                       {"DEVOS_EMBEDDINGS_API_KEY", "k-1"}};
    auto settings = embedderSettingsFrom([&](const std::string& name) {
        const auto it = variables.find(name);
        return it == variables.end() ? std::string() : it->second;
    });
    ASSERT_TRUE(settings) << settings.error().render();
    EXPECT_EQ(settings->url, "http://127.0.0.1:8080");
    EXPECT_EQ(settings->model, "bge");
    EXPECT_EQ(settings->apiKey, "k-1");
}

// The variables a test changed are back as they were: set here, unset by the test, set again after.
TEST(EmbedderFactory, AScopedVariableIsRestored) {
    ::setenv("DEVOS_EMBEDDINGS_MODEL", "outer", 1);
    {
        ScopedEnv model("DEVOS_EMBEDDINGS_MODEL", nullptr);
        EXPECT_EQ(std::getenv("DEVOS_EMBEDDINGS_MODEL"), nullptr);
    }
    ASSERT_NE(std::getenv("DEVOS_EMBEDDINGS_MODEL"), nullptr);
    EXPECT_STREQ(std::getenv("DEVOS_EMBEDDINGS_MODEL"), "outer");
    ::unsetenv("DEVOS_EMBEDDINGS_MODEL");
}

} // namespace
} // namespace devos::entrypoints
