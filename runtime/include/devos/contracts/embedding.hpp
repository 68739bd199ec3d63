#pragma once
#include <cstddef>
#include <devos/contracts/error.hpp>
#include <expected>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace devos::contracts {

// One text's vector; `model` names the embedder that produced it and vectors of different models
// are never compared.
struct Embedding {
    std::string model;
    std::vector<float> values;

    [[nodiscard]] std::size_t dims() const { return values.size(); }
};

// How much each of a query's words counts, by its lower-cased spelling (logic::rarityWeights); a
// word not named counts fully.
using RarityWeights = std::map<std::string, float, std::less<>>;

// A read-only view of `count()` row-major vectors of one model, each `dims` floats long.
struct EmbeddingMatrix {
    std::string model;
    std::size_t dims = 0;
    std::span<const float> rows;

    [[nodiscard]] std::size_t count() const { return dims == 0 ? 0 : rows.size() / dims; }
};

// Scales `values` to unit L2 length in place; fails on an empty, zero or non-finite vector.
[[nodiscard]] std::expected<void, Error> normaliseInPlace(std::span<float> values);

// Checks that `matrix` holds whole vectors of `dims` floats of `model` (ModelMismatch, DimensionMismatch).
[[nodiscard]] std::expected<void, Error> checkShape(const EmbeddingMatrix& matrix, std::size_t dims,
                                                    const std::string& model);

// A copy of the matrix's rows, each scaled to unit length; fails on the first zero or non-finite row.
[[nodiscard]] std::expected<std::vector<float>, Error> normalisedRows(const EmbeddingMatrix& matrix);

} // namespace devos::contracts
