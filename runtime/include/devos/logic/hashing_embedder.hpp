#pragma once
#include <cstddef>
#include <devos/contracts/embedding.hpp>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// Deterministic text embedding without a model: signed feature hashing of words, qualified-name
// segments, identifier parts and character 3-grams into 1024 buckets, later lines weighing less,
// L2-normalised. Same text, same vector, on every machine.
class HashingEmbedder {
public:
    static constexpr std::size_t kDims = 1024;
    static constexpr std::string_view kModel = "devos-hash-v2-1024";
    // The search threshold calibrated for this model (BENCHMARKS.md, "Search relevance"): most
    // queries that name a stored failure's function score above it, unrelated ones below.
    static constexpr float kDefaultThreshold = 0.40F;

    // One vector per text; fails (naming the text's index) when a text has no feature at all.
    [[nodiscard]] std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const;
    // The vector of one text, or InvalidInput when it has no letter, digit or 3-gram.
    [[nodiscard]] std::expected<contracts::Embedding, contracts::Error> embedOne(std::string_view text) const;
    // "devos-hash-v2-1024".
    [[nodiscard]] const std::string& model() const { return model_; }

private:
    std::string model_{kModel};
};

// The similarity a search asks for when the caller names none. A text query: the hashing embedder's
// calibrated kDefaultThreshold for its model, the seed's 0.7 (BGE-class sentence models) for any
// other. A stored failure's own vector against the others (`byFailure`): 0.7 for every model, since
// whole failure texts score alike (same-cause pairs above 0.85 with the hashing model).
[[nodiscard]] float defaultSearchThreshold(std::string_view model, bool byFailure);

} // namespace devos::logic
