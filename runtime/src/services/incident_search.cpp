#include <algorithm>
#include <cstring>
#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/vector_backfill.hpp>
#include <devos/services/incident_search.hpp>
#include <variant>

namespace devos::services {
namespace {

using contracts::ErrorKind;
using contracts::Expected;

bool isFailureVector(const contracts::StoredEmbedding& e) {
    return e.ownerKind == contracts::kTestFailureOwner || e.ownerKind == contracts::kLintFailureOwner;
}

std::unexpected<contracts::Error> noVectorOf(const std::string& failureId, const std::string& model) {
    return contracts::fail(ErrorKind::NotFound,
                           "failure " + failureId + " has no stored vector of model " + model, {}, 0,
                           "check the id (devos ingest prints it) and the embedder settings");
}

// The query's threshold, else the one calibrated for the embedder's model and the kind of query.
float thresholdOf(const IncidentQuery& query, const ports::Embedder& embedder) {
    return query.threshold.value_or(
        logic::defaultSearchThreshold(embedder.model(), query.failureId.has_value()));
}

// The vector of the query's text: redacted, through logic::incidentText, embedded. With a model that
// weighs by rarity (the built-in hashing embedder), each word weighs by how few of the model's stored
// failure vectors have it (logic::rarityWeights over the store's term counts).
Expected<std::vector<float>> embedQuery(const IncidentQuery& query, const ports::Embedder& embedder,
                                        const ports::Redactor& redactor, ports::TelemetryStore& store) {
    const std::vector<std::string> texts{logic::incidentText(redactor.redact(query.text), "")};
    if (logic::weighsByRarity(embedder.model())) {
        const auto terms = logic::rarityTerms(texts.front());
        auto counted = store.termFrequencies(embedder.model(), terms);
        if (!counted)
            return std::unexpected(std::move(counted.error()));
        const auto rarity = logic::rarityWeights(terms, counted->withTerm, counted->failures);
        if (!rarity.empty()) { // the embedder's own logic, with the weights its port cannot take
            auto weighed = logic::HashingEmbedder{}.embedOne(texts.front(), rarity);
            if (!weighed)
                return std::unexpected(std::move(weighed.error()));
            return std::move(weighed->values);
        }
    }
    auto embedded = embedder.embed(texts);
    if (!embedded)
        return std::unexpected(std::move(embedded.error()));
    return std::move(embedded->front().values);
}

// The query's vector: the failure's stored one, or the embedded text.
Expected<std::vector<float>> queryVector(const IncidentQuery& query,
                                         const std::vector<contracts::StoredEmbedding>& corpus,
                                         const ports::Embedder& embedder, const ports::Redactor& redactor,
                                         ports::TelemetryStore& store) {
    if (!query.failureId)
        return embedQuery(query, embedder, redactor, store);
    const auto it = std::ranges::find(corpus, *query.failureId, &contracts::StoredEmbedding::ownerId);
    if (it == corpus.end())
        return noVectorOf(*query.failureId, embedder.model());
    return it->vector;
}

// Row `row` of cached rows, widened to fp32.
std::vector<float> rowValues(const contracts::VectorRows& rows, std::size_t row) {
    const std::byte* at = rows.data + row * rows.strideBytes;
    std::vector<float> values(rows.dims);
    if (rows.storage == contracts::VectorStorage::Fp16) {
        const auto* halves = reinterpret_cast<const _Float16*>(at);
        std::copy(halves, halves + rows.dims, values.begin());
    } else {
        std::memcpy(values.data(), at, rows.dims * sizeof(float));
    }
    return values;
}

using FoundFailure = std::optional<std::variant<contracts::TestFailure, contracts::LintFailure>>;

// The stored failure a vector belongs to, with its run id; nullopt when the vector outlived it.
Expected<FoundFailure> findFailure(ports::TelemetryStore& store, std::string_view kind,
                                   const std::string& id) {
    using Found = FoundFailure;
    if (kind == contracts::kLintFailureOwner) {
        auto lint = store.findLintFailure(id);
        if (!lint)
            return std::unexpected(std::move(lint.error()));
        return *lint ? Found(std::move(**lint)) : std::nullopt;
    }
    contracts::FailureQuery byId;
    byId.failureId = id;
    byId.limit = 1;
    auto failures = store.queryFailures(byId);
    if (!failures)
        return std::unexpected(std::move(failures.error()));
    return failures->empty() ? std::nullopt : Found(std::move(failures->front()));
}

// Adds the failure and run of each hit (best first, skipping `self` and vectors that outlived their
// failure) to `result` until it holds k.
template <typename OwnerOf>
Expected<void> resolveHits(ports::TelemetryStore& store, const std::vector<contracts::VectorHit>& found,
                           const std::optional<std::string>& self, std::size_t k, OwnerOf ownerOf,
                           IncidentSearchResult& result) {
    for (const auto& hit : found) {
        const auto [kind, id] = ownerOf(hit.id);
        if ((self && id == *self) || result.hits.size() == k)
            continue;
        auto failure = findFailure(store, kind, std::string(id));
        if (!failure)
            return std::unexpected(std::move(failure.error()));
        if (!*failure)
            continue; // the vector outlived its failure
        const auto& runId =
            std::visit([](const auto& f) -> const contracts::Ulid& { return f.runId; }, **failure);
        auto run = store.findRun(runId);
        if (!run)
            return std::unexpected(std::move(run.error()));
        result.hits.push_back({hit.score, std::move(**failure), std::move(*run)});
    }
    return {};
}

} // namespace

std::string_view IncidentHit::kind() const {
    return std::holds_alternative<contracts::LintFailure>(failure) ? contracts::kLintFailureOwner
                                                                   : contracts::kTestFailureOwner;
}

const contracts::Ulid& IncidentHit::failureId() const {
    return std::visit([](const auto& f) -> const contracts::Ulid& { return f.id; }, failure);
}

const std::string& IncidentHit::patternId() const {
    return std::visit([](const auto& f) -> const std::string& { return f.patternId; }, failure);
}

Expected<IncidentSearchResult> IncidentSearch::search(const IncidentQuery& query) {
    if (query.k == 0 || (!query.failureId && query.text.empty()))
        return contracts::fail(ErrorKind::Invalid, "expected a query text or a failure id, and k > 0");
    auto result = searchOnce(query);
    if (backfill_ == nullptr)
        return result;
    // A failure id without a vector of the model may be one of the failures stored without one.
    const bool idWithoutVector = !result && query.failureId && result.error().kind == ErrorKind::NotFound;
    if (!result && !idWithoutVector)
        return result;
    auto missing = idWithoutVector ? backfill_->missing() : unsearched(result->searched);
    if (!missing)
        return std::unexpected(std::move(missing.error()));
    if (*missing == 0)
        return result;
    const std::string& model = embedder_.model();
    std::size_t embedded = 0;
    const bool automatic = logic::backfillsAutomatically(model);
    if (automatic) {
        auto filled = backfill_->run();
        if (!filled)
            return std::unexpected(std::move(filled.error()));
        embedded = filled->embedded;
        result = searchOnce(query);
    }
    if (result)
        result->backfillNote = logic::backfillNote(*missing, embedded, model, automatic);
    return result;
}

Expected<std::size_t> IncidentSearch::unsearched(std::size_t searched) {
    auto generation = store_.failureVectorGeneration(embedder_.model());
    if (!generation)
        return std::unexpected(std::move(generation.error()));
    {
        const std::lock_guard lock(snapshotMutex_);
        if (completeAtGeneration_ == *generation)
            return std::size_t{0};
    }
    long long stored = 0;
    for (auto table : {contracts::TelemetryTable::TestFailures, contracts::TelemetryTable::LintFailures}) {
        auto rows = store_.count(table);
        if (!rows)
            return std::unexpected(std::move(rows.error()));
        stored += *rows;
    }
    const auto missing =
        static_cast<std::size_t>(stored) > searched ? static_cast<std::size_t>(stored) - searched : 0;
    if (missing == 0) {
        const std::lock_guard lock(snapshotMutex_);
        completeAtGeneration_ = *generation;
    }
    return missing;
}

Expected<IncidentSearchResult> IncidentSearch::searchOnce(const IncidentQuery& query) {
    if (vectors_ == nullptr)
        return searchStore(query);
    auto snapshot = currentSnapshot();
    if (snapshot)
        return searchCached(query, *snapshot);
    auto result = searchStore(query);
    if (result)
        result->vectorFileNote = snapshot.error().render();
    return result;
}

Expected<IncidentSearch::Snapshot> IncidentSearch::currentSnapshot() {
    const std::lock_guard lock(snapshotMutex_);
    if (snapshot_.vectors) {
        auto generation = store_.failureVectorGeneration(embedder_.model());
        if (!generation)
            return std::unexpected(std::move(generation.error()));
        if (*generation == snapshot_.vectors->generation())
            return snapshot_;
    }
    auto opened = vectors_->open(embedder_.model());
    if (!opened)
        return std::unexpected(std::move(opened.error()));
    Snapshot fresh{std::move(*opened), nullptr};
    if (fresh.vectors->rows().count != 0) {
        auto index = indexes_.view(fresh.vectors->rows(), fresh.vectors);
        if (!index)
            return std::unexpected(std::move(index.error()));
        fresh.index = std::move(*index);
    }
    snapshot_ = fresh;
    return fresh;
}

Expected<IncidentSearchResult> IncidentSearch::searchCached(const IncidentQuery& query,
                                                            const Snapshot& snapshot) {
    const auto& rows = snapshot.vectors->rows();
    IncidentSearchResult result{embedder_.model(),
                                thresholdOf(query, embedder_),
                                {},
                                rows.count,
                                {},
                                snapshot.vectors->source(),
                                {},
                                {}};
    std::vector<float> vector;
    if (query.failureId) {
        std::size_t row = 0;
        while (row < rows.count && snapshot.vectors->owner(row).id != *query.failureId)
            ++row;
        if (row == rows.count)
            return noVectorOf(*query.failureId, embedder_.model());
        vector = rowValues(rows, row);
    } else {
        auto embedded = embedQuery(query, embedder_, redactor_, store_);
        if (!embedded)
            return std::unexpected(std::move(embedded.error()));
        vector = std::move(*embedded);
    }
    if (!snapshot.index)
        return result;
    const std::size_t wanted = query.k + (query.failureId ? 1 : 0); // the failure finds itself first
    auto found = snapshot.index->search({embedder_.model(), vector.size(), vector}, wanted, result.threshold);
    if (!found)
        return std::unexpected(std::move(found.error()));
    result.backend = std::string(snapshot.index->backend());
    const auto ownerOf = [&](std::uint64_t row) {
        const auto owner = snapshot.vectors->owner(row);
        return std::pair{owner.kind, owner.id};
    };
    if (auto ok = resolveHits(store_, found->front(), query.failureId, query.k, ownerOf, result); !ok)
        return std::unexpected(std::move(ok.error()));
    return result;
}

Expected<IncidentSearchResult> IncidentSearch::searchStore(const IncidentQuery& query) {
    auto loaded = store_.loadEmbeddings(embedder_.model());
    if (!loaded)
        return std::unexpected(std::move(loaded.error()));
    std::erase_if(*loaded, [](const auto& e) { return !isFailureVector(e); });
    const auto& corpus = *loaded;
    auto vector = queryVector(query, corpus, embedder_, redactor_, store_);
    if (!vector)
        return std::unexpected(std::move(vector.error()));
    IncidentSearchResult result{
        embedder_.model(), thresholdOf(query, embedder_), {}, corpus.size(), {}, "store", {}, {}};
    if (corpus.empty())
        return result;

    const std::size_t dims = corpus.front().vector.size();
    auto index = indexes_.create(dims, embedder_.model());
    if (!index)
        return std::unexpected(std::move(index.error()));
    std::vector<std::uint64_t> ids(corpus.size());
    std::vector<float> rows;
    rows.reserve(corpus.size() * dims);
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        if (corpus[i].vector.size() != dims)
            return contracts::fail(ErrorKind::Storage,
                                   "stored vectors of model " + embedder_.model() + " differ in length (" +
                                       std::to_string(dims) + " and " +
                                       std::to_string(corpus[i].vector.size()) + ")",
                                   {}, 0, "re-ingest with one embedder per model name");
        ids[i] = i;
        rows.insert(rows.end(), corpus[i].vector.begin(), corpus[i].vector.end());
    }
    if (auto added = (*index)->add(ids, {embedder_.model(), dims, rows}); !added)
        return std::unexpected(std::move(added.error()));
    const std::size_t wanted = query.k + (query.failureId ? 1 : 0); // the failure finds itself first
    auto found = (*index)->search({embedder_.model(), vector->size(), *vector}, wanted, result.threshold);
    if (!found)
        return std::unexpected(std::move(found.error()));
    result.backend = std::string((*index)->backend());
    const auto ownerOf = [&](std::uint64_t i) {
        return std::pair{std::string_view(corpus[i].ownerKind), std::string_view(corpus[i].ownerId)};
    };
    if (auto ok = resolveHits(store_, found->front(), query.failureId, query.k, ownerOf, result); !ok)
        return std::unexpected(std::move(ok.error()));
    return result;
}

} // namespace devos::services
