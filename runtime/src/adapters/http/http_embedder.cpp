// POST /v1/embeddings {"model", "input": [texts]} -> {"data": [{"index", "embedding": [floats]}]}.
// Each batch is one request; a 429, a 5xx or a network failure is retried after a doubling backoff,
// any other status fails at once. The answer is checked (one vector per text, every index once, one
// length for all) before anything is returned. The API key goes into a header only, never into an
// error message.
#include "http_post.hpp"

#include <algorithm>
#include <devos/adapters/http/http_embedder.hpp>
#include <nlohmann/json.hpp>
#include <thread>

namespace devos::adapters {
namespace {

using contracts::Error;
using contracts::ErrorKind;

constexpr std::size_t kMaxBatch = 32;

std::unexpected<Error> malformed(const std::string& url, const std::string& what) {
    return contracts::fail(ErrorKind::Invalid,
                           "POST " + url + ": the answer is not an embeddings list: " + what, {}, 0,
                           "point the URL at an OpenAI-compatible /v1/embeddings server");
}

// The vectors of one answer, in input order.
std::expected<std::vector<std::vector<float>>, Error>
parseVectors(const std::string& url, const std::string& body, std::size_t expected) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("data") || !json["data"].is_array()) {
        return malformed(url, "expected a JSON object with a \"data\" array");
    }
    const auto& data = json["data"];
    if (data.size() != expected) {
        return malformed(url, "expected " + std::to_string(expected) + " vectors, got " +
                                  std::to_string(data.size()));
    }
    std::vector<std::vector<float>> vectors(expected);
    for (std::size_t i = 0; i < expected; ++i) {
        const auto& item = data[i];
        const auto index = item.contains("index") && item["index"].is_number_unsigned()
                               ? item["index"].get<std::size_t>()
                               : i;
        if (index >= expected || !vectors[index].empty() || !item.contains("embedding") ||
            !item["embedding"].is_array() || item["embedding"].empty()) {
            return malformed(url,
                             "item " + std::to_string(i) + " has a bad or repeated index or no embedding");
        }
        for (const auto& v : item["embedding"]) {
            if (!v.is_number()) {
                return malformed(url, "item " + std::to_string(i) + " has a non-numeric value");
            }
            vectors[index].push_back(v.get<float>());
        }
    }
    return vectors;
}

bool retryable(long status) {
    return status == 429 || status >= 500;
}

} // namespace

HttpEmbedder::HttpEmbedder(HttpEmbedderOptions options) : options_(std::move(options)) {
    options_.batchSize = std::clamp<std::size_t>(options_.batchSize, 1, kMaxBatch);
}

std::expected<std::vector<contracts::Embedding>, Error>
HttpEmbedder::embed(std::span<const std::string> texts) const {
    const std::string url = options_.baseUrl + "/v1/embeddings";
    std::vector<contracts::Embedding> out;
    out.reserve(texts.size());
    for (std::size_t first = 0; first < texts.size(); first += options_.batchSize) {
        const auto batch = texts.subspan(first, std::min(options_.batchSize, texts.size() - first));
        const std::string body =
            nlohmann::json{{"model", options_.model},
                           {"input", std::vector<std::string>(batch.begin(), batch.end())}}
                .dump();
        auto backoff = options_.initialBackoff;
        std::vector<std::string> headers;
        if (!options_.apiKey.empty())
            headers.push_back("Authorization: Bearer " + options_.apiKey);
        std::expected<HttpReply, Error> reply;
        for (unsigned attempt = 0;; ++attempt) {
            reply = postJson(url, body, headers, options_.timeout);
            if ((reply && !retryable(reply->status)) || attempt == options_.maxRetries) {
                break;
            }
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
        if (!reply) {
            reply.error().hint = "check that the embeddings server is running and reachable";
            return std::unexpected(std::move(reply.error()));
        }
        if (reply->status != 200) {
            return contracts::fail(retryable(reply->status) ? ErrorKind::Unavailable : ErrorKind::Invalid,
                                   "POST " + url + " answered HTTP " + std::to_string(reply->status) + ": " +
                                       reply->body.substr(0, 200),
                                   {}, 0, "check the model name, the API key and the server's log");
        }
        auto vectors = parseVectors(url, reply->body, batch.size());
        if (!vectors) {
            return std::unexpected(std::move(vectors.error()));
        }
        for (auto& values : *vectors) {
            const std::size_t dims = out.empty() ? values.size() : out.front().dims();
            if (values.size() != dims) {
                return malformed(url, "vectors of " + std::to_string(values.size()) + " and " +
                                          std::to_string(dims) + " floats in one answer set");
            }
            out.push_back({options_.model, std::move(values)});
        }
    }
    return out;
}

} // namespace devos::adapters
