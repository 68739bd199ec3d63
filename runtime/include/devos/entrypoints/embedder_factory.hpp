#pragma once
#include <devos/contracts/error.hpp>
#include <devos/entrypoints/environment.hpp>
#include <devos/ports/embedder.hpp>
#include <memory>
#include <string>

namespace devos::entrypoints {

// Which embedder to use: an OpenAI-compatible server, or none (the built-in hashing embedder).
struct EmbedderSettings {
    std::string url;    // "http://127.0.0.1:8080" for TEI/vLLM; empty: hashing embedder
    std::string model;  // the server's model name, e.g. "BAAI/bge-large-en-v1.5"
    std::string apiKey; // sent as a bearer token when not empty
};

// The HttpEmbedder for settings.url, or the default hashing embedder when settings.url is empty.
[[nodiscard]] std::unique_ptr<ports::Embedder> makeEmbedder(const EmbedderSettings& settings);

// Settings from DEVOS_EMBEDDINGS_URL, DEVOS_EMBEDDINGS_MODEL and DEVOS_EMBEDDINGS_API_KEY (URL and
// model unset: the hashing embedder); Invalid when the URL is set without a model, because the model
// name keys every stored vector.
[[nodiscard]] contracts::Expected<EmbedderSettings>
embedderSettingsFrom(const EnvironmentLookup& environment);

} // namespace devos::entrypoints
