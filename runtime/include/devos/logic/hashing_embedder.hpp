#pragma once
#include <cstddef>
#include <devos/contracts/embedding.hpp>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

using contracts::RarityWeights;

// Deterministic text embedding without a model: signed feature hashing of words, qualified-name
// segments, identifier parts, error kinds (a table of synonyms: "segfault" and "SEGV" are one kind) and
// character 3-grams into 1024 buckets, later lines weighing less, L2-normalised. Same text, same vector, on
// every machine.
class HashingEmbedder {
public:
    static constexpr std::size_t kDims = 1024;
    static constexpr std::string_view kModel = "devos-hash-v3-1024";
    // The search threshold calibrated for this model (BENCHMARKS.md, "Search relevance"): most
    // queries that name a stored failure's function score above it, unrelated ones below.
    static constexpr float kDefaultThreshold = 0.40F;

    // One vector per text; fails (naming the text's index) when a text has no feature at all.
    [[nodiscard]] std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const;
    // The vector of one text, or InvalidInput when it has no letter, digit or 3-gram.
    [[nodiscard]] std::expected<contracts::Embedding, contracts::Error> embedOne(std::string_view text) const;
    // The vector of a query: each word feature (and the 3-grams over it) scaled by its rarity weight,
    // so the query's rare words dominate; the same as embedOne(text) with no weights.
    [[nodiscard]] std::expected<contracts::Embedding, contracts::Error>
    embedOne(std::string_view text, const RarityWeights& rarity) const;
    // "devos-hash-v3-1024".
    [[nodiscard]] const std::string& model() const { return model_; }

private:
    std::string model_{kModel};
};

// The word features of `text` its rarity is counted by (words, qualified-name segments and suffixes,
// identifier parts: what embedOne hashes as words), lower-cased, distinct, sorted; numbers and
// features over 64 bytes left out. A store keeps, per model, how many failure vectors have each.
[[nodiscard]] std::vector<std::string> rarityTerms(std::string_view text);

// The weight of each of `terms` when `failuresWithTerm[i]` of `failures` stored failures have it:
// log((N + 16) / (n + 1)) / log(N + 16), clamped to [0.1, 1]: a word one failure has counts nearly
// fully, a word every failure has 0.1; a word none has 0.3 (it matches nothing, and its hash
// collisions would drown the rare words that match). Empty (no weighting) for an empty store.
[[nodiscard]] RarityWeights rarityWeights(std::span<const std::string> terms,
                                          std::span<const long long> failuresWithTerm, long long failures);

// Whether searches with `model` weigh the query's words by rarity: the built-in hashing embedder.
[[nodiscard]] bool weighsByRarity(std::string_view model);

// The similarity a search asks for when the caller names none. A text query: the hashing embedder's
// calibrated kDefaultThreshold for its model, the seed's 0.7 (BGE-class sentence models) for any
// other. A stored failure's own vector against the others (`byFailure`): 0.7 for every model, since
// whole failure texts score alike (same-cause pairs above 0.85 with the hashing model).
[[nodiscard]] float defaultSearchThreshold(std::string_view model, bool byFailure);

} // namespace devos::logic
