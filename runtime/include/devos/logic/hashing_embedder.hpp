#pragma once
#include <cstddef>
#include <devos/contracts/embedding.hpp>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// Deterministic text embedding without a model: signed feature hashing of words, identifier parts
// and character 3-grams into 1024 buckets, L2-normalised. Same text, same vector, on every machine.
class HashingEmbedder {
public:
    static constexpr std::size_t kDims = 1024;
    static constexpr std::string_view kModel = "devos-hash-v1-1024";

    // One vector per text; fails (naming the text's index) when a text has no feature at all.
    [[nodiscard]] std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const;
    // The vector of one text, or InvalidInput when it has no letter, digit or 3-gram.
    [[nodiscard]] std::expected<contracts::Embedding, contracts::Error> embedOne(std::string_view text) const;
    // "devos-hash-v1-1024".
    [[nodiscard]] const std::string& model() const { return model_; }

private:
    std::string model_{kModel};
};

} // namespace devos::logic
