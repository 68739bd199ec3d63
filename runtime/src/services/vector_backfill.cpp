#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/vector_backfill.hpp>
#include <devos/services/vector_backfill.hpp>

namespace devos::services {

contracts::Expected<BackfillSummary> VectorBackfill::run() {
    BackfillSummary summary{embedder_.model(), 0, 0, {}};
    contracts::UnembeddedQuery query{embedder_.model(), {}, {}, batchSize_};
    for (;;) {
        auto batch = store_.unembeddedFailures(query);
        if (!batch)
            return std::unexpected(std::move(batch.error()));
        if (batch->empty())
            break;
        // The cursor moves past this batch, so a failure whose vector another process stores meanwhile
        // is not asked for again and every round makes progress.
        if (!batch->tests.empty())
            query.afterTestId = batch->tests.back().id;
        if (!batch->lints.empty())
            query.afterLintId = batch->lints.back().id;
        auto texts = logic::backfillTexts(*batch);
        auto embedded = embedder_.embed(texts.texts);
        if (!embedded)
            return std::unexpected(std::move(embedded.error()));
        auto vectors = logic::backfillVectors(texts.owners, *embedded, embedder_.model());
        if (!vectors)
            return std::unexpected(std::move(vectors.error()));
        if (logic::weighsByRarity(embedder_.model())) // the store counts the terms queries are weighed by
            for (std::size_t i = 0; i < vectors->size(); ++i)
                (*vectors)[i].terms = logic::rarityTerms(texts.texts[i]);
        auto added = store_.addEmbeddings(*vectors);
        if (!added)
            return std::unexpected(std::move(added.error()));
        summary.embedded += *added;
        ++summary.batches;
    }
    if (vectors_ != nullptr && summary.embedded != 0)
        if (auto opened = vectors_->open(embedder_.model()); !opened)
            summary.vectorFileError = opened.error().render();
    return summary;
}

contracts::Expected<std::size_t> VectorBackfill::missing() {
    std::size_t count = 0;
    contracts::UnembeddedQuery query{embedder_.model(), {}, {}, 4096};
    for (;;) {
        auto batch = store_.unembeddedFailures(query);
        if (!batch)
            return std::unexpected(std::move(batch.error()));
        if (batch->empty())
            return count;
        count += batch->tests.size() + batch->lints.size();
        if (!batch->tests.empty())
            query.afterTestId = batch->tests.back().id;
        if (!batch->lints.empty())
            query.afterLintId = batch->lints.back().id;
    }
}

} // namespace devos::services
