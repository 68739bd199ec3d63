#include <devos/logic/hashing_embedder.hpp>
#include <devos/services/default_embedder.hpp>

namespace devos::services {
namespace {

class HashingEmbedderPort final : public ports::Embedder {
public:
    std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const override {
        return embedder_.embed(texts);
    }
    const std::string& model() const override { return embedder_.model(); }

private:
    logic::HashingEmbedder embedder_;
};

} // namespace

std::unique_ptr<ports::Embedder> makeDefaultEmbedder() {
    return std::make_unique<HashingEmbedderPort>();
}

} // namespace devos::services
