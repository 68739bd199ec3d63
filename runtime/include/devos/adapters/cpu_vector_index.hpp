#pragma once
#include <cstddef>
#include <cstdint>
#include <devos/contracts/vector_search.hpp>
#include <devos/ports/vector_index.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace devos::adapters {

// Knobs of the CPU index; the defaults suit an interactive lookup.
struct CpuVectorIndexOptions {
    contracts::VectorStorage storage = contracts::VectorStorage::Fp32;
    unsigned threads = 0; // threads of a single-query scan; 0 = one per hardware thread
};

// Exact search on the CPU: one query is an AVX2/FMA scan (scalar when the CPU lacks AVX2) with a
// bounded top-k heap per thread; four or more queries are OpenBLAS sgemm over 4096-row corpus tiles,
// so the full score matrix never exists. An index is either filled by add() or a read-only view over
// vectors kept elsewhere (a mapped file), scanned where they lie.
class CpuVectorIndex final : public ports::VectorIndex {
public:
    // An empty index of `dims`-long vectors of `model` (dims > 0, model not empty: checked by the factory).
    CpuVectorIndex(std::size_t dims, std::string model, CpuVectorIndexOptions options = {});
    // A read-only index over `rows` (already L2-normalised; options.storage is taken from them), whose
    // hit ids are row numbers; `owner` keeps the rows alive. add() fails on it.
    CpuVectorIndex(const contracts::VectorRows& rows, std::shared_ptr<const void> owner,
                   CpuVectorIndexOptions options = {});

    [[nodiscard]] std::expected<void, contracts::Error>
    add(std::span<const std::uint64_t> ids, const contracts::EmbeddingMatrix& vectors) override;
    [[nodiscard]] std::expected<Hits, contracts::Error> search(const contracts::EmbeddingMatrix& queries,
                                                               std::size_t k, float threshold) const override;
    [[nodiscard]] std::size_t size() const override { return view_ ? view_->count : ids_.size(); }
    [[nodiscard]] std::size_t dims() const override { return dims_; }
    [[nodiscard]] const std::string& model() const override { return model_; }
    [[nodiscard]] std::string_view backend() const override { return backend_; }

private:
    // The stored rows: the view's, or those add() copied (ids_ then maps rows to ids).
    [[nodiscard]] contracts::VectorRows rows() const;
    std::vector<contracts::VectorHit> scan(std::span<const float> query, std::size_t k,
                                           float threshold) const;
    Hits multiply(std::span<const float> queries, std::size_t count, std::size_t k, float threshold) const;

    std::size_t dims_;
    std::string model_;
    CpuVectorIndexOptions options_;
    bool simd_; // the CPU has AVX2, FMA and F16C
    std::string backend_;
    std::vector<std::uint64_t> ids_;
    std::vector<float> fp32_;
    std::vector<_Float16> fp16_;
    std::optional<contracts::VectorRows> view_;
    std::shared_ptr<const void> viewOwner_;
};

} // namespace devos::adapters
