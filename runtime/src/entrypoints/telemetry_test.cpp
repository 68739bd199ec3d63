#include <devos/entrypoints/telemetry.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <unistd.h>

namespace devos::entrypoints {
namespace {

std::filesystem::path freshDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// An environment of exactly these variables: whatever the process has set plays no part.
EnvironmentLookup only(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](const std::string& name) {
        const auto it = variables.find(name);
        return it == variables.end() ? std::string() : it->second;
    };
}

TelemetryRequest inRepo(const std::filesystem::path& root, std::map<std::string, std::string> variables = {},
                        std::optional<std::string> db = std::nullopt) {
    TelemetryRequest request = repoTelemetryRequest(root.string(), std::move(db));
    request.environment = only(std::move(variables));
    return request;
}

TEST(Telemetry, OpensTheRepositorysStoreWithTheSearchOverIt) {
    const auto root = freshDir("devos_telemetry_repo");
    auto telemetry = Telemetry::open(inRepo(root));
    ASSERT_TRUE(telemetry) << telemetry.error().render();
    ASSERT_NE(*telemetry, nullptr);
    Telemetry& t = **telemetry;
    EXPECT_EQ(t.storeName(), (root / ".devos" / "telemetry.db").string());
    EXPECT_TRUE(std::filesystem::exists(root / ".devos" / "telemetry.db"));
    EXPECT_EQ(t.databaseUrl(), "");
    ASSERT_TRUE(t.embeddingModel());
    EXPECT_EQ(*t.embeddingModel(), "devos-hash-v3-1024");
    EXPECT_EQ(t.embedder().model(), "devos-hash-v3-1024");
    EXPECT_NE(t.vectors(), nullptr); // the vector file beside the SQLite file
    services::IncidentQuery query;
    query.text = "segfault in OrderRepo::save";
    auto result = t.search().search(query);
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_EQ(result->searched, 0u);
    auto backfilled = t.backfill().run();
    ASSERT_TRUE(backfilled) << backfilled.error().render();
    EXPECT_EQ(backfilled->embedded, 0u);
    EXPECT_EQ(t.events(), nullptr);
    EXPECT_EQ(t.spans(), nullptr);
    EXPECT_EQ(t.metrics(), nullptr);
    std::filesystem::remove_all(root);
}

TEST(Telemetry, TheDbOptionWinsOverTheDatabaseUrl) {
    const auto root = freshDir("devos_telemetry_db");
    auto telemetry = Telemetry::open(inRepo(root, {{"DEVOS_DATABASE_URL", "postgresql://nowhere.invalid/db"}},
                                            (root / "other.db").string()));
    ASSERT_TRUE(telemetry) << telemetry.error().render();
    EXPECT_EQ((*telemetry)->storeName(), (root / "other.db").string());
    EXPECT_EQ((*telemetry)->databaseUrl(), "");
    EXPECT_FALSE(std::filesystem::exists(root / ".devos" / "telemetry.db"));
    std::filesystem::remove_all(root);
}

TEST(Telemetry, ErrorsNameTheVariableOrOptionAtFault) {
    const auto root = freshDir("devos_telemetry_errors");
    auto scheme = Telemetry::open(inRepo(root, {{"DEVOS_DATABASE_URL", "mysql://db"}}));
    ASSERT_FALSE(scheme);
    EXPECT_EQ(scheme.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_NE(scheme.error().message.find("DEVOS_DATABASE_URL"), std::string::npos)
        << scheme.error().render();

    std::ofstream(root / "a-file") << "not a folder";
    auto db = Telemetry::open(inRepo(root, {}, (root / "a-file" / "telemetry.db").string()));
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().message.starts_with("--db " + (root / "a-file" / "telemetry.db").string() + ": "))
        << db.error().render();

    auto embedder = Telemetry::open(inRepo(root, {{"DEVOS_EMBEDDINGS_URL", "http://127.0.0.1:1"}}));
    ASSERT_FALSE(embedder);
    EXPECT_EQ(embedder.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_NE(embedder.error().render().find("DEVOS_EMBEDDINGS_MODEL"), std::string::npos);

    TelemetryRequest rules = inRepo(root);
    rules.gitleaksConfig = (root / "missing.toml").string();
    auto redactor = Telemetry::open(std::move(rules));
    ASSERT_FALSE(redactor);
    EXPECT_NE(redactor.error().render().find("missing.toml"), std::string::npos) << redactor.error().render();
    std::filesystem::remove_all(root);
}

// Without search the embedder is not opened: its settings' error is kept for whoever wants the model.
TEST(Telemetry, WithoutSearchAnInvalidEmbedderIsNoErrorButItsModelSaysWhy) {
    const auto root = freshDir("devos_telemetry_nosearch");
    TelemetryRequest request = inRepo(root, {{"DEVOS_EMBEDDINGS_URL", "http://127.0.0.1:1"}});
    request.search = false;
    auto telemetry = Telemetry::open(std::move(request));
    ASSERT_TRUE(telemetry) << telemetry.error().render();
    ASSERT_FALSE((*telemetry)->embeddingModel());
    EXPECT_NE((*telemetry)->embeddingModel().error().message.find("DEVOS_EMBEDDINGS_MODEL"),
              std::string::npos);
    EXPECT_TRUE((*telemetry)->store().count(contracts::TelemetryTable::TestRuns));
    std::filesystem::remove_all(root);
}

TEST(Telemetry, TheEmbedderAndTheCollectorComeFromTheLookup) {
    const auto root = freshDir("devos_telemetry_lookup");
    auto telemetry = Telemetry::open(inRepo(root, {{"DEVOS_EMBEDDINGS_URL", "http://127.0.0.1:1"},
                                                   {"DEVOS_EMBEDDINGS_MODEL", "BAAI/bge-large-en-v1.5"},
                                                   {"DEVOS_OTLP_ENDPOINT", "http://127.0.0.1:4318"}}));
    ASSERT_TRUE(telemetry) << telemetry.error().render();
    Telemetry& t = **telemetry;
    EXPECT_EQ(t.embedder().model(), "BAAI/bge-large-en-v1.5");
    EXPECT_EQ(*t.embeddingModel(), "BAAI/bge-large-en-v1.5");
    EXPECT_NE(t.events(), nullptr);
    EXPECT_NE(t.spans(), nullptr);
    EXPECT_NE(t.metrics(), nullptr);
    EXPECT_EQ(t.environment()("DEVOS_OTLP_ENDPOINT"), "http://127.0.0.1:4318");
    std::filesystem::remove_all(root);
}

TEST(Telemetry, OnlyAnExistingStoreOpensNothingWhereThereIsNone) {
    const auto root = freshDir("devos_telemetry_existing");
    TelemetryRequest request = inRepo(root);
    request.onlyAnExistingStore = true;
    auto none = Telemetry::open(request);
    ASSERT_TRUE(none) << none.error().render();
    EXPECT_EQ(*none, nullptr);
    EXPECT_FALSE(std::filesystem::exists(root / ".devos"));
    ASSERT_TRUE(Telemetry::open(inRepo(root))); // creates the default store
    auto existing = Telemetry::open(request);
    ASSERT_TRUE(existing) << existing.error().render();
    ASSERT_NE(*existing, nullptr);
    EXPECT_EQ((*existing)->storeName(), (root / ".devos" / "telemetry.db").string());
    std::filesystem::remove_all(root);
}

} // namespace
} // namespace devos::entrypoints
