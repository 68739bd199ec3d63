#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/vector_backfill.hpp>

namespace devos::logic {

BackfillTexts backfillTexts(const contracts::UnembeddedFailures& failures) {
    BackfillTexts out;
    for (const auto& f : failures.tests) {
        out.texts.push_back(incidentText(f));
        out.owners.emplace_back(contracts::kTestFailureOwner, f.id);
    }
    for (const auto& f : failures.lints) {
        out.texts.push_back(incidentText(f));
        out.owners.emplace_back(contracts::kLintFailureOwner, f.id);
    }
    return out;
}

contracts::Expected<std::vector<contracts::StoredEmbedding>>
backfillVectors(const std::vector<std::pair<std::string, std::string>>& owners,
                std::span<const contracts::Embedding> embeddings, const std::string& model) {
    const auto refuse = [](const std::string& what) {
        return contracts::fail(contracts::ErrorKind::Unavailable, what + "; nothing was stored", {}, 0,
                               "check the embedder (DEVOS_EMBEDDINGS_URL, DEVOS_EMBEDDINGS_MODEL) and rerun "
                               "`devos search --reindex`");
    };
    if (embeddings.size() != owners.size())
        return refuse("the embedder returned " + std::to_string(embeddings.size()) + " vectors for " +
                      std::to_string(owners.size()) + " failures");
    std::vector<contracts::StoredEmbedding> out;
    out.reserve(owners.size());
    for (std::size_t i = 0; i < owners.size(); ++i) {
        const auto& e = embeddings[i];
        if (e.model != model)
            return refuse("the embedder returned a vector of model " + e.model + ", not " + model);
        if (e.values.empty() || e.values.size() != embeddings.front().values.size())
            return refuse("the embedder returned vectors of " + std::to_string(embeddings.front().dims()) +
                          " and " + std::to_string(e.dims()) + " dimensions");
        out.push_back({owners[i].first, owners[i].second, model, e.values});
    }
    return out;
}

bool backfillsAutomatically(std::string_view model) {
    return model == HashingEmbedder::kModel;
}

std::string backfillNote(std::size_t missing, std::size_t embedded, const std::string& model,
                         bool automatic) {
    if (automatic)
        return "embedded " + std::to_string(embedded) + " of " + std::to_string(missing) +
               " stored failures that had no vector of " + model + " (stored by an earlier embedder)";
    return std::to_string(missing) + " stored failures have no vector of " + model +
           " and are not searched; run `devos search --reindex` to embed them";
}

} // namespace devos::logic
