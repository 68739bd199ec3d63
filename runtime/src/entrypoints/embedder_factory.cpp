#include <devos/adapters/http/http_embedder.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/services/default_embedder.hpp>

namespace devos::entrypoints {

std::unique_ptr<ports::Embedder> makeEmbedder(const EmbedderSettings& settings) {
    if (settings.url.empty()) {
        return services::makeDefaultEmbedder();
    }
    adapters::HttpEmbedderOptions options;
    options.baseUrl = settings.url;
    options.model = settings.model;
    options.apiKey = settings.apiKey;
    return std::make_unique<adapters::HttpEmbedder>(std::move(options));
}

contracts::Expected<EmbedderSettings> embedderSettingsFrom(const EnvironmentLookup& environment) {
    EmbedderSettings settings{environment("DEVOS_EMBEDDINGS_URL"), environment("DEVOS_EMBEDDINGS_MODEL"),
                              environment("DEVOS_EMBEDDINGS_API_KEY")};
    if (!settings.url.empty() && settings.model.empty())
        return contracts::fail(
            contracts::ErrorKind::Invalid, "DEVOS_EMBEDDINGS_URL is set but DEVOS_EMBEDDINGS_MODEL is not",
            {}, 0, "set DEVOS_EMBEDDINGS_MODEL to the server's model name, e.g. BAAI/bge-large-en-v1.5");
    return settings;
}

} // namespace devos::entrypoints
