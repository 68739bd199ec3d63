#include <cmath>
#include <devos/contracts/embedding.hpp>

namespace devos::contracts {

std::expected<void, Error> normaliseInPlace(std::span<float> values) {
    double sum = 0.0;
    for (float v : values) {
        sum += static_cast<double>(v) * v;
    }
    if (values.empty() || !std::isfinite(sum) || sum == 0.0) {
        return fail(ErrorKind::Invalid, "expected a non-zero vector of finite values", {}, 0,
                    "drop the empty text or check the embedder's output");
    }
    const auto scale = static_cast<float>(1.0 / std::sqrt(sum));
    for (float& v : values) {
        v *= scale;
    }
    return {};
}

std::expected<void, Error> checkShape(const EmbeddingMatrix& matrix, std::size_t dims,
                                      const std::string& model) {
    if (matrix.model != model) {
        return fail(ErrorKind::Invalid,
                    "expected vectors of model '" + model + "', got '" + matrix.model + "'", {}, 0,
                    "use one index per embedding model");
    }
    if (dims == 0 || matrix.dims != dims || matrix.rows.size() % dims != 0) {
        return fail(ErrorKind::Invalid,
                    "expected vectors of " + std::to_string(dims) + " floats, got dims " +
                        std::to_string(matrix.dims) + " over " + std::to_string(matrix.rows.size()) +
                        " floats",
                    {}, 0, "embed the texts with the index's model");
    }
    return {};
}

std::expected<std::vector<float>, Error> normalisedRows(const EmbeddingMatrix& matrix) {
    std::vector<float> rows(matrix.rows.begin(), matrix.rows.end());
    for (std::size_t r = 0; r < matrix.count(); ++r) {
        if (auto ok = normaliseInPlace(std::span(rows).subspan(r * matrix.dims, matrix.dims)); !ok) {
            ok.error().message = "row " + std::to_string(r) + ": " + ok.error().message;
            return std::unexpected(std::move(ok.error()));
        }
    }
    return rows;
}

} // namespace devos::contracts
