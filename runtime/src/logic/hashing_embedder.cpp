// Hashing embedder, version 3 (the model name changes whenever any constant or rule here changes).
//
// Features of a text, each hashed with FNV-1a 64 (then a murmur3 finaliser to mix the bits) over a
// one-byte namespace plus the feature's bytes; the low 10 bits pick the bucket and the top bit the
// sign, so collisions cancel on average instead of piling up; word and error-kind features go to
// four buckets each (rehashed), 3-grams to one:
//   'w' words:  runs of [A-Za-z0-9_:] with ':' trimmed at both ends, lower-cased ("orderrepo::save");
//   'w' names:  a qualified name's "::" segments and its shorter qualified suffixes, at full weight,
//               so "orders::OrderRepo::save" shares "orderrepo::save", "orderrepo" and "save" with a
//               query that names "OrderRepo::save" without its namespace;
//   'w' parts:  a word's pieces split at "::", '_' and camelCase ("HTTPServer" -> http, server), weight
//               0.5, so "OrderRepo::save" and "order_repo save" still share "order", "repo", "save";
//   'k' error kinds: a phrase of the error-kind table below (kErrorKinds) adds its kind once, at a
//               word's weight, so "segfault" meets a stored "SEGV" and "timed out" a "timeout";
//   'c' 3-grams of each line, whitespace runs collapsed to one space, weight 0.25, so typos and
//               inflections still overlap.
// An English function word ("in", "the", "of", ...) counts 0.3 of a word. Lines weigh 1, 1, then half
// of the line before: incidentText puts the message and the failing frame first, its callers after,
// so a caller's name counts less than the frame that failed. The sum is L2-normalised, which makes
// the inner product of two vectors their cosine. bench/search_relevance.py measures the choices.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <devos/foundation/text.hpp>
#include <devos/logic/hashing_embedder.hpp>
#include <optional>
#include <utility>

namespace devos::logic {
namespace {

constexpr float kTrigramWeight = 0.25F;
constexpr float kPartWeight = 0.5F;
constexpr float kFunctionWordWeight = 0.3F;
constexpr float kLineDecay = 0.5F;
// Rarity (a query's word features weighed by how few stored failures have them): a store of N
// failures counts as N + kRarityPrior, so a small store does not make its every word look common;
// a word every failure has still counts kMinRarityWeight. A word no stored failure has matches
// none: at full weight its buckets' collisions would outweigh the query's rare words that do
// match, so it counts kUnseenWeight (bench/search_relevance.py chose 0.3: rare-word queries found
// first 0.38 -> 0.82 on the emulated corpus, unrelated queries still under the threshold).
constexpr double kRarityPrior = 16.0;
constexpr double kUnseenWeight = 0.3;
constexpr float kMinRarityWeight = 0.1F;
constexpr std::size_t kMaxTermBytes = 64;
constexpr std::size_t kWordProbes = 4;

// English function words: they carry little of what tells two failures apart.
constexpr std::array<std::string_view, 44> kFunctionWords{
    "a",     "an",    "the",    "of",   "in",  "on",   "at",    "to",   "is",   "was",   "be",
    "by",    "for",   "from",   "with", "and", "or",   "not",   "this", "that", "it",    "its",
    "while", "after", "before", "than", "as",  "into", "had",   "has",  "have", "which", "who",
    "what",  "when",  "where",  "were", "are", "been", "being", "held", "but",  "if",    "then"};

// Error-kind synonyms: each phrase (lower-case words, as the tokenizer splits them: "heap-use-after-free"
// is heap, use, after, free) names its kind. Both stored failures and queries are embedded through it,
// so a query's words for an error kind meet a sanitizer's, a signal's or a test runner's. The longest
// phrase at a word wins; its words still count as words too.
struct ErrorKindPhrase {
    std::string_view kind;
    std::array<std::string_view, 4> words; // unused slots empty
};
constexpr std::array<ErrorKindPhrase, 61> kErrorKinds{{
    {"segv", {"segv"}},
    {"segv", {"sigsegv"}},
    {"segv", {"segfault"}},
    {"segv", {"segfaults"}},
    {"segv", {"segfaulted"}},
    {"segv", {"segmentation", "fault"}},
    {"segv", {"segmentation", "violation"}},
    {"buffer-overflow", {"heap", "buffer", "overflow"}},
    {"buffer-overflow", {"stack", "buffer", "overflow"}},
    {"buffer-overflow", {"global", "buffer", "overflow"}},
    {"buffer-overflow", {"buffer", "overflow"}},
    {"buffer-overflow", {"heap", "overflow"}},
    {"buffer-overflow", {"stack", "overflow"}},
    {"buffer-overflow", {"buffer", "overrun"}},
    {"use-after-free", {"heap", "use", "after", "free"}},
    {"use-after-free", {"use", "after", "free"}},
    {"use-after-free", {"used", "after", "free"}},
    {"use-after-free", {"uaf"}},
    {"use-after-free", {"dangling", "pointer"}},
    {"null-dereference", {"null", "pointer"}},
    {"null-dereference", {"null", "deref"}},
    {"null-dereference", {"null", "dereference"}},
    {"null-dereference", {"nullptr", "deref"}},
    {"null-dereference", {"nullptr", "dereference"}},
    {"assertion", {"assert"}},
    {"assertion", {"asserts"}},
    {"assertion", {"assertion"}},
    {"assertion", {"assertions"}},
    {"timeout", {"timeout"}},
    {"timeout", {"timeouts"}},
    {"timeout", {"timed", "out"}},
    {"timeout", {"times", "out"}},
    {"timeout", {"time", "out"}},
    {"timeout", {"hang"}},
    {"timeout", {"hangs"}},
    {"timeout", {"hung"}},
    {"leak", {"leak"}},
    {"leak", {"leaks"}},
    {"leak", {"leaked"}},
    {"leak", {"leaking"}},
    {"leak", {"leaksanitizer"}},
    {"data-race", {"data", "race"}},
    {"data-race", {"race"}},
    {"data-race", {"races"}},
    {"data-race", {"racy"}},
    {"data-race", {"threadsanitizer"}},
    {"integer-overflow", {"integer", "overflow"}},
    {"integer-overflow", {"signed", "overflow"}},
    {"integer-overflow", {"signed", "integer", "overflow"}},
    {"integer-overflow", {"unsigned", "integer", "overflow"}},
    {"integer-overflow", {"int", "overflow"}},
    {"exception", {"exception"}},
    {"exception", {"exceptions"}},
    {"exception", {"throw"}},
    {"exception", {"throws"}},
    {"exception", {"threw"}},
    {"exception", {"thrown"}},
    {"exception", {"uncaught"}},
    {"abort", {"abort"}},
    {"abort", {"aborted"}},
    {"abort", {"sigabrt"}},
}};

// ASCII-only character classes: the C library's depend on the process locale, the vectors may not.
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
char lower(char c) {
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// FNV-1a over the namespace byte and the lower-cased feature, then murmur3's 64-bit finaliser.
std::uint64_t featureHash(char ns, std::string_view feature) {
    std::uint64_t h = 14695981039346656037ULL;
    auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 1099511628211ULL;
    };
    mix(static_cast<unsigned char>(ns));
    for (char c : feature) {
        mix(static_cast<unsigned char>(lower(c)));
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// Where a text's features go: into a vector's buckets (word features scaled by the query's rarity
// weights when there are some), and/or into the list of word features (rarityTerms).
struct FeatureSink {
    std::vector<float>* values = nullptr;
    const RarityWeights* rarity = nullptr;
    std::vector<std::string>* terms = nullptr;
};

// The rarity weight of a word feature: 1 without weights or for a word they do not name.
float rarityOf(const FeatureSink& sink, std::string_view feature) {
    if (sink.rarity == nullptr || sink.rarity->empty())
        return 1.0F;
    const auto it = sink.rarity->find(foundation::lower(feature));
    return it == sink.rarity->end() ? 1.0F : it->second;
}

void addFeature(FeatureSink& sink, char ns, std::string_view feature, float weight) {
    if (sink.terms != nullptr && ns == 'w')
        sink.terms->push_back(foundation::lower(feature));
    if (sink.values == nullptr)
        return;
    if (ns == 'w')
        weight *= rarityOf(sink, feature);
    // A word or an error kind goes to kWordProbes buckets (weight / sqrt(probes) each, so its share
    // of the norm stays the same): another feature colliding with one of them no longer cancels,
    // or passes for, a rare word (one probe: 1 in 12 queries of a failure's own word among 4000
    // found it first; four: all).
    std::uint64_t h = featureHash(ns, feature);
    const std::size_t probes = ns == 'c' ? 1 : kWordProbes;
    const float each = probes == 1 ? weight : weight / std::sqrt(static_cast<float>(probes));
    for (std::size_t probe = 0; probe < probes; ++probe) {
        const float sign = (h >> 63) != 0 ? -1.0F : 1.0F;
        (*sink.values)[h & (HashingEmbedder::kDims - 1)] += sign * each;
        h ^= h >> 29; // splitmix64's steps: the next probe's bucket and sign
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 32;
    }
}

bool isWordChar(char c) {
    return isUpper(c) || isLower(c) || isDigit(c) || c == '_' || c == ':';
}

// Splits an identifier at ':' and '_' and at camelCase boundaries: "HTTPServer_v2" -> HTTP, Server, v2.
std::vector<std::string_view> identifierParts(std::string_view word) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) {
            parts.push_back(word.substr(start, end - start));
        }
    };
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if (c == ':' || c == '_') {
            flush(i);
            start = i + 1;
            continue;
        }
        const bool lowerToUpper = i > start && isUpper(c) && (isLower(word[i - 1]) || isDigit(word[i - 1]));
        const bool acronymEnd =
            i > start && isUpper(c) && isUpper(word[i - 1]) && i + 1 < word.size() && isLower(word[i + 1]);
        if (lowerToUpper || acronymEnd) {
            flush(i);
            start = i;
        }
    }
    flush(word.size());
    return parts;
}

bool isFunctionWord(std::string_view word) {
    return std::ranges::any_of(kFunctionWords, [word](std::string_view f) {
        return f.size() == word.size() &&
               std::ranges::equal(f, word, [](char a, char b) { return a == lower(b); });
    });
}

// A qualified name's "::" segments, and each of its suffixes shorter than the whole and longer than
// one segment: "a::B::c" -> a, B, c, B::c. Nothing for a word without "::".
void addQualifiedNames(FeatureSink& values, std::string_view word, float weight) {
    std::vector<std::size_t> starts{0};
    for (auto at = word.find("::"); at != std::string_view::npos; at = word.find("::", at + 2))
        starts.push_back(at + 2);
    if (starts.size() == 1)
        return;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 2 : word.size();
        if (end > starts[i])
            addFeature(values, 'w', word.substr(starts[i], end - starts[i]), weight);
        if (i > 0 && i + 1 < starts.size())
            addFeature(values, 'w', word.substr(starts[i]), weight);
    }
}

bool equalsLowered(std::string_view lowered, std::string_view word) {
    return lowered.size() == word.size() &&
           std::ranges::equal(lowered, word, [](char a, char b) { return a == lower(b); });
}

// The words of kErrorKinds' longest phrase starting at words[at], and the phrase; 0 words when none.
std::pair<std::size_t, const ErrorKindPhrase*> errorKindAt(const std::vector<std::string_view>& words,
                                                           std::size_t at) {
    std::pair<std::size_t, const ErrorKindPhrase*> best{0, nullptr};
    for (const auto& phrase : kErrorKinds) {
        std::size_t n = 0;
        while (n < phrase.words.size() && !phrase.words[n].empty())
            ++n;
        if (n <= best.first || at + n > words.size())
            continue;
        bool match = true;
        for (std::size_t w = 0; w < n && match; ++w)
            match = equalsLowered(phrase.words[w], words[at + w]);
        if (match)
            best = {n, &phrase};
    }
    return best;
}

// One 'k' feature per error-kind phrase among the line's words, longest phrase first, not overlapping.
void addErrorKinds(FeatureSink& values, const std::vector<std::string_view>& words, float lineWeight) {
    if (values.values == nullptr) // collecting terms only: error kinds are no word terms
        return;
    for (std::size_t at = 0; at < words.size();) {
        const auto [n, phrase] = errorKindAt(words, at);
        if (n == 0) {
            ++at;
            continue;
        }
        addFeature(values, 'k', phrase->kind, lineWeight);
        at += n;
    }
}

// The line's plain words: runs of letters and digits (so "heap-use-after-free" and "std::out_of_range"
// split into their words), the pieces an error-kind phrase is made of.
std::vector<std::string_view> plainWords(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        if (!isUpper(line[i]) && !isLower(line[i]) && !isDigit(line[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < line.size() && (isUpper(line[end]) || isLower(line[end]) || isDigit(line[end])))
            ++end;
        words.push_back(line.substr(i, end - i));
        i = end;
    }
    return words;
}

void addWords(FeatureSink& values, std::string_view line, float lineWeight) {
    addErrorKinds(values, plainWords(line), lineWeight);
    std::size_t i = 0;
    while (i < line.size()) {
        if (!isWordChar(line[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < line.size() && isWordChar(line[end])) {
            ++end;
        }
        std::string_view word = line.substr(i, end - i);
        i = end;
        while (!word.empty() && word.front() == ':') {
            word.remove_prefix(1);
        }
        while (!word.empty() && word.back() == ':') {
            word.remove_suffix(1);
        }
        if (word.empty()) {
            continue;
        }
        const float weight = lineWeight * (isFunctionWord(word) ? kFunctionWordWeight : 1.0F);
        addFeature(values, 'w', word, weight);
        addQualifiedNames(values, word, weight);
        const auto parts = identifierParts(word);
        if (parts.size() > 1) {
            for (std::string_view part : parts) {
                addFeature(values, 'w', part, weight * kPartWeight);
            }
        }
    }
}

// The rarity weight of each character of a line: a word's characters take the word's, the others
// the word before them (the first word's before any word); all 1 without rarity weights.
std::vector<float> characterRarity(const FeatureSink& sink, std::string_view line) {
    std::vector<float> weights(line.size(), 1.0F);
    if (sink.rarity == nullptr || sink.rarity->empty())
        return weights;
    std::optional<float> previous;
    std::size_t firstWord = line.size();
    for (std::size_t i = 0; i < line.size();) {
        if (!isWordChar(line[i])) {
            if (previous)
                weights[i] = *previous;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < line.size() && isWordChar(line[end]))
            ++end;
        std::string_view word = line.substr(i, end - i);
        while (!word.empty() && word.front() == ':')
            word.remove_prefix(1);
        while (!word.empty() && word.back() == ':')
            word.remove_suffix(1);
        const float weight = word.empty() ? previous.value_or(1.0F) : rarityOf(sink, word);
        std::fill(weights.begin() + static_cast<std::ptrdiff_t>(i),
                  weights.begin() + static_cast<std::ptrdiff_t>(end), weight);
        firstWord = std::min(firstWord, i);
        previous = weight;
        i = end;
    }
    if (firstWord < line.size())
        std::fill(weights.begin(), weights.begin() + static_cast<std::ptrdiff_t>(firstWord),
                  weights[firstWord]);
    return weights;
}

// The line's 3-grams, whitespace runs collapsed; with rarity weights each 3-gram counts the mean
// rarity of its characters.
void addTrigrams(FeatureSink& values, std::string_view line, float lineWeight) {
    if (values.values == nullptr)
        return;
    const auto rarity = characterRarity(values, line);
    std::string squeezed;
    std::vector<float> weights;
    squeezed.reserve(line.size());
    weights.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        const bool space = isSpace(line[i]);
        if (space && (squeezed.empty() || squeezed.back() == ' ')) {
            continue;
        }
        squeezed.push_back(space ? ' ' : line[i]);
        weights.push_back(rarity[i]);
    }
    for (std::size_t i = 0; i + 3 <= squeezed.size(); ++i) {
        const float rare = (weights[i] + weights[i + 1] + weights[i + 2]) / 3.0F;
        addFeature(values, 'c', std::string_view(squeezed).substr(i, 3), kTrigramWeight * lineWeight * rare);
    }
}

// Every feature of `text` into `sink`, lines weighing 1, 1, then half of the line before.
void addText(FeatureSink& sink, std::string_view text) {
    float lineWeight = 1.0F;
    for (std::size_t start = 0, line = 0; start <= text.size(); ++line) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (line >= 2) {
            lineWeight *= kLineDecay;
        }
        addWords(sink, text.substr(start, end - start), lineWeight);
        addTrigrams(sink, text.substr(start, end - start), lineWeight);
        start = end + 1;
    }
}

// A feature rarity is not counted for: a number ("42", "0x7ffe"), or longer than kMaxTermBytes.
bool countsForRarity(std::string_view term) {
    if (term.empty() || term.size() > kMaxTermBytes)
        return false;
    const bool hex = term.size() > 2 && term[0] == '0' && term[1] == 'x';
    return !std::ranges::all_of(hex ? term.substr(2) : term, [hex](char c) {
        return isDigit(c) || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    });
}

} // namespace

std::expected<contracts::Embedding, contracts::Error> HashingEmbedder::embedOne(std::string_view text) const {
    return embedOne(text, {});
}

std::expected<contracts::Embedding, contracts::Error>
HashingEmbedder::embedOne(std::string_view text, const RarityWeights& rarity) const {
    contracts::Embedding out{model_, std::vector<float>(kDims, 0.0F)};
    FeatureSink sink{&out.values, &rarity, nullptr};
    addText(sink, text);
    if (auto ok = contracts::normaliseInPlace(out.values); !ok) {
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "expected a text with at least one word or 3 characters", {}, 0,
                               "skip empty messages before embedding them");
    }
    return out;
}

std::vector<std::string> rarityTerms(std::string_view text) {
    std::vector<std::string> terms;
    FeatureSink sink{nullptr, nullptr, &terms};
    addText(sink, text);
    std::erase_if(terms, [](const std::string& t) { return !countsForRarity(t); });
    std::ranges::sort(terms);
    terms.erase(std::ranges::unique(terms).begin(), terms.end());
    return terms;
}

RarityWeights rarityWeights(std::span<const std::string> terms, std::span<const long long> failuresWithTerm,
                            long long failures) {
    RarityWeights weights;
    if (failures <= 0)
        return weights;
    const double all = static_cast<double>(failures) + kRarityPrior;
    for (std::size_t i = 0; i < terms.size() && i < failuresWithTerm.size(); ++i) {
        const double with = static_cast<double>(std::max(0LL, failuresWithTerm[i]));
        const double weight = with == 0 ? kUnseenWeight : std::log(all / (with + 1.0)) / std::log(all);
        weights[terms[i]] =
            static_cast<float>(std::clamp(weight, static_cast<double>(kMinRarityWeight), 1.0));
    }
    return weights;
}

bool weighsByRarity(std::string_view model) {
    return model == HashingEmbedder::kModel;
}

float defaultSearchThreshold(std::string_view model, bool byFailure) {
    return model == HashingEmbedder::kModel && !byFailure ? HashingEmbedder::kDefaultThreshold : 0.7F;
}

std::expected<std::vector<contracts::Embedding>, contracts::Error>
HashingEmbedder::embed(std::span<const std::string> texts) const {
    std::vector<contracts::Embedding> out;
    out.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto one = embedOne(texts[i]);
        if (!one) {
            one.error().message = "text " + std::to_string(i) + ": " + one.error().message;
            return std::unexpected(std::move(one.error()));
        }
        out.push_back(std::move(*one));
    }
    return out;
}

} // namespace devos::logic
