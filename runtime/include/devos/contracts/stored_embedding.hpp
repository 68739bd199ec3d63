#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace devos::contracts {

// The ownerKind of the vector of a test_failures row.
inline constexpr std::string_view kTestFailureOwner = "test_failure";
// The ownerKind of the vector of a lint_failures row.
inline constexpr std::string_view kLintFailureOwner = "lint_failure";

// The failure a cached vector belongs to: kTestFailureOwner or kLintFailureOwner, and its id (views
// into the cache, valid while it is).
struct FailureVectorOwner {
    std::string_view kind;
    std::string_view id;
};

// A vector stored for one row (a failure, a log, a proposal) under one model; the key is
// (ownerKind, ownerId, model), so search never mixes models.
struct StoredEmbedding {
    std::string ownerKind; // "test_failure", "application_log", "selfheal_proposal" ...
    std::string ownerId;
    std::string model;
    std::vector<float> vector;
    // The text's rarity terms (logic::rarityTerms) when the model weighs queries by rarity: a store
    // counts, per model, the failure vectors that have each term, when it stores a new vector.
    std::vector<std::string> terms = {};

    bool operator==(const StoredEmbedding&) const = default;
};

// Per (model, term): how many newly stored failure vectors have the term; the term "" counts the
// vectors themselves. Both stores add these to their failure_terms table in the storing transaction.
using FailureTermCounts = std::map<std::pair<std::string, std::string>, long long>;

// Counts a newly stored vector's terms into `counts`: nothing for one without terms or whose owner
// is not a test or lint failure.
inline void tallyFailureTerms(const StoredEmbedding& stored, FailureTermCounts& counts) {
    if (stored.terms.empty() ||
        (stored.ownerKind != kTestFailureOwner && stored.ownerKind != kLintFailureOwner))
        return;
    ++counts[{stored.model, ""}];
    for (const auto& term : stored.terms)
        ++counts[{stored.model, term}];
}

// How many stored failure vectors of a model have each asked term, in the order asked, and how many
// were counted in all (the vectors stored with their terms).
struct TermFrequencies {
    long long failures = 0;
    std::vector<long long> withTerm;
};

} // namespace devos::contracts
