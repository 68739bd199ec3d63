#include <cstdlib>
#include <devos/adapters/http_embedder.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/services/default_embedder.hpp>

namespace devos::entrypoints {

std::unique_ptr<ports::Embedder> makeEmbedder(const EmbedderSettings& settings) {
    if (settings.url.empty()) {
        return services::makeDefaultEmbedder();
    }
    const char* key = std::getenv("DEVOS_EMBEDDINGS_API_KEY");
    adapters::HttpEmbedderOptions options;
    options.baseUrl = settings.url;
    options.model = settings.model;
    options.apiKey = key != nullptr ? key : "";
    return std::make_unique<adapters::HttpEmbedder>(std::move(options));
}

} // namespace devos::entrypoints
