#include <algorithm>
#include <devos/logic/incident_text.hpp>
#include <devos/services/incident_search.hpp>
#include <variant>

namespace devos::services {
namespace {

using contracts::ErrorKind;
using contracts::Expected;

bool isFailureVector(const contracts::StoredEmbedding& e) {
    return e.ownerKind == contracts::kTestFailureOwner || e.ownerKind == contracts::kLintFailureOwner;
}

// The query's vector: the failure's stored one, or the embedded text.
Expected<std::vector<float>> queryVector(const IncidentQuery& query,
                                         const std::vector<contracts::StoredEmbedding>& corpus,
                                         const ports::Embedder& embedder, const ports::Redactor& redactor) {
    if (query.failureId) {
        const auto it = std::ranges::find(corpus, *query.failureId, &contracts::StoredEmbedding::ownerId);
        if (it == corpus.end())
            return contracts::fail(ErrorKind::NotFound,
                                   "failure " + *query.failureId + " has no stored vector of model " +
                                       embedder.model(),
                                   {}, 0, "check the id (devos ingest prints it) and the embedder settings");
        return it->vector;
    }
    const std::vector<std::string> texts{logic::incidentText(redactor.redact(query.text), "")};
    auto embedded = embedder.embed(texts);
    if (!embedded)
        return std::unexpected(std::move(embedded.error()));
    return std::move(embedded->front().values);
}

// The stored failure a vector belongs to, with its run id; nullopt when the vector outlived it.
Expected<std::optional<std::variant<contracts::TestFailure, contracts::LintFailure>>>
findFailure(ports::TelemetryStore& store, const contracts::StoredEmbedding& owner) {
    using Found = std::optional<std::variant<contracts::TestFailure, contracts::LintFailure>>;
    if (owner.ownerKind == contracts::kLintFailureOwner) {
        auto lint = store.findLintFailure(owner.ownerId);
        if (!lint)
            return std::unexpected(std::move(lint.error()));
        return *lint ? Found(std::move(**lint)) : std::nullopt;
    }
    contracts::FailureQuery byId;
    byId.failureId = owner.ownerId;
    byId.limit = 1;
    auto failures = store.queryFailures(byId);
    if (!failures)
        return std::unexpected(std::move(failures.error()));
    return failures->empty() ? std::nullopt : Found(std::move(failures->front()));
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
    auto loaded = store_.loadEmbeddings(embedder_.model());
    if (!loaded)
        return std::unexpected(std::move(loaded.error()));
    std::erase_if(*loaded, [](const auto& e) { return !isFailureVector(e); });
    const auto& corpus = *loaded;
    auto vector = queryVector(query, corpus, embedder_, redactor_);
    if (!vector)
        return std::unexpected(std::move(vector.error()));
    IncidentSearchResult result{embedder_.model(), {}, corpus.size(), {}};
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
                                       std::to_string(dims) + " and " + std::to_string(corpus[i].vector.size()) +
                                       ")",
                                   {}, 0, "re-ingest with one embedder per model name");
        ids[i] = i;
        rows.insert(rows.end(), corpus[i].vector.begin(), corpus[i].vector.end());
    }
    if (auto added = (*index)->add(ids, {embedder_.model(), dims, rows}); !added)
        return std::unexpected(std::move(added.error()));
    const std::size_t wanted = query.k + (query.failureId ? 1 : 0); // the failure finds itself first
    auto found = (*index)->search({embedder_.model(), vector->size(), *vector}, wanted, query.threshold);
    if (!found)
        return std::unexpected(std::move(found.error()));
    result.backend = std::string((*index)->backend());

    for (const auto& hit : found->front()) {
        const auto& owner = corpus[hit.id];
        if (owner.ownerId == query.failureId || result.hits.size() == query.k)
            continue;
        auto failure = findFailure(store_, owner);
        if (!failure)
            return std::unexpected(std::move(failure.error()));
        if (!*failure)
            continue; // the vector outlived its failure
        const auto& runId =
            std::visit([](const auto& f) -> const contracts::Ulid& { return f.runId; }, **failure);
        auto run = store_.findRun(runId);
        if (!run)
            return std::unexpected(std::move(run.error()));
        result.hits.push_back({hit.score, std::move(**failure), std::move(*run)});
    }
    return result;
}

} // namespace devos::services
