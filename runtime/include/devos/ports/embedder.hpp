#pragma once
#include <devos/contracts/embedding.hpp>
#include <expected>
#include <span>
#include <string>
#include <vector>

namespace devos::ports {

// Turns texts into vectors of one model.
class Embedder {
public:
    virtual ~Embedder() = default;

    // One embedding per text, in input order, all of model() and of one length.
    [[nodiscard]] virtual std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const = 0;
    // The name stored with every vector this embedder produces.
    [[nodiscard]] virtual const std::string& model() const = 0;
};

} // namespace devos::ports
