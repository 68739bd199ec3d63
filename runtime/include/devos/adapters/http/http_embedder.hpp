#pragma once
#include <chrono>
#include <cstddef>
#include <devos/ports/embedder.hpp>
#include <string>

namespace devos::adapters {

// Where and how to reach an OpenAI-compatible embeddings server (TEI, vLLM, OpenAI itself).
struct HttpEmbedderOptions {
    std::string baseUrl;        // "http://127.0.0.1:8080": requests go to <baseUrl>/v1/embeddings
    std::string model;          // sent with each request and stored with each vector
    std::string apiKey;         // "Authorization: Bearer <key>" when not empty; never logged
    std::size_t batchSize = 32; // texts per request, at most 32
    std::chrono::milliseconds timeout{30000};      // per request, connection included
    unsigned maxRetries = 3;                       // extra attempts after a 429, a 5xx or a network failure
    std::chrono::milliseconds initialBackoff{250}; // wait before the first retry; doubles each time
};

// Embeds texts through POST /v1/embeddings over libcurl, in batches, with retries and backoff.
class HttpEmbedder final : public ports::Embedder {
public:
    explicit HttpEmbedder(HttpEmbedderOptions options);

    // Unavailable when the server cannot be reached or keeps failing; Invalid on a 4xx or a malformed answer.
    [[nodiscard]] std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const override;
    [[nodiscard]] const std::string& model() const override { return options_.model; }

private:
    HttpEmbedderOptions options_;
};

} // namespace devos::adapters
