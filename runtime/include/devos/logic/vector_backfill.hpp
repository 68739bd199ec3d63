#pragma once
#include <cstddef>
#include <devos/contracts/embedding.hpp>
#include <devos/contracts/error.hpp>
#include <devos/contracts/stored_embedding.hpp>
#include <devos/contracts/unembedded_failures.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// What to embed for failures without a vector: incidentText of each test failure, then of each lint
// failure, and the (owner kind, failure id) each text's vector belongs to.
struct BackfillTexts {
    std::vector<std::string> texts;
    std::vector<std::pair<std::string, std::string>> owners;
};

// The texts and owners of `failures`, in the order the embedder gets them.
[[nodiscard]] BackfillTexts backfillTexts(const contracts::UnembeddedFailures& failures);

// The vectors to store: `embeddings[i]` as the vector of `owners[i]`. Unavailable (nothing to store) when
// the embedder answered a different number of vectors, another model than `model`, or vectors of
// different lengths.
[[nodiscard]] contracts::Expected<std::vector<contracts::StoredEmbedding>>
backfillVectors(const std::vector<std::pair<std::string, std::string>>& owners,
                std::span<const contracts::Embedding> embeddings, const std::string& model);

// Whether a search embeds the failures that lack a vector of its model before it searches: only
// with the built-in hashing embedder (local and cheap); a remote embedder's backfill is a command.
[[nodiscard]] bool backfillsAutomatically(std::string_view model);

// The one-line note for `missing` failures without a vector of `model`: what an automatic backfill
// did (`embedded` of them), or for a remote embedder the command that embeds them.
[[nodiscard]] std::string backfillNote(std::size_t missing, std::size_t embedded, const std::string& model,
                                       bool automatic);

} // namespace devos::logic
