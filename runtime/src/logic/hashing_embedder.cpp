// Hashing embedder, version 2 (the model name changes whenever any constant or rule here changes).
//
// Features of a text, each hashed with FNV-1a 64 (then a murmur3 finaliser to mix the bits) over a
// one-byte namespace plus the feature's bytes; the low 10 bits pick the bucket and the top bit the
// sign, so collisions cancel on average instead of piling up:
//   'w' words:  runs of [A-Za-z0-9_:] with ':' trimmed at both ends, lower-cased ("orderrepo::save");
//   'w' names:  a qualified name's "::" segments and its shorter qualified suffixes, at full weight,
//               so "orders::OrderRepo::save" shares "orderrepo::save", "orderrepo" and "save" with a
//               query that names "OrderRepo::save" without its namespace;
//   'w' parts:  a word's pieces split at "::", '_' and camelCase ("HTTPServer" -> http, server), weight
//               0.5, so "OrderRepo::save" and "order_repo save" still share "order", "repo", "save";
//   'c' 3-grams of each line, whitespace runs collapsed to one space, weight 0.25, so typos and
//               inflections still overlap.
// An English function word ("in", "the", "of", ...) counts 0.3 of a word. Lines weigh 1, 1, then half
// of the line before: incidentText puts the message and the failing frame first, its callers after,
// so a caller's name counts less than the frame that failed. The sum is L2-normalised, which makes
// the inner product of two vectors their cosine. bench/search_relevance.py measures the choices.
#include <algorithm>
#include <array>
#include <cstdint>
#include <devos/logic/hashing_embedder.hpp>

namespace devos::logic {
namespace {

constexpr float kTrigramWeight = 0.25F;
constexpr float kPartWeight = 0.5F;
constexpr float kFunctionWordWeight = 0.3F;
constexpr float kLineDecay = 0.5F;

// English function words: they carry little of what tells two failures apart.
constexpr std::array<std::string_view, 44> kFunctionWords{
    "a",     "an",    "the",    "of",   "in",  "on",   "at",    "to",   "is",   "was",   "be",
    "by",    "for",   "from",   "with", "and", "or",   "not",   "this", "that", "it",    "its",
    "while", "after", "before", "than", "as",  "into", "had",   "has",  "have", "which", "who",
    "what",  "when",  "where",  "were", "are", "been", "being", "held", "but",  "if",    "then"};

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

void addFeature(std::vector<float>& values, char ns, std::string_view feature, float weight) {
    const std::uint64_t h = featureHash(ns, feature);
    const float sign = (h >> 63) != 0 ? -1.0F : 1.0F;
    values[h & (HashingEmbedder::kDims - 1)] += sign * weight;
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
void addQualifiedNames(std::vector<float>& values, std::string_view word, float weight) {
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

void addWords(std::vector<float>& values, std::string_view line, float lineWeight) {
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

void addTrigrams(std::vector<float>& values, std::string_view line, float lineWeight) {
    std::string squeezed;
    squeezed.reserve(line.size());
    for (char c : line) {
        const bool space = isSpace(c);
        if (space && (squeezed.empty() || squeezed.back() == ' ')) {
            continue;
        }
        squeezed.push_back(space ? ' ' : c);
    }
    for (std::size_t i = 0; i + 3 <= squeezed.size(); ++i) {
        addFeature(values, 'c', std::string_view(squeezed).substr(i, 3), kTrigramWeight * lineWeight);
    }
}

} // namespace

std::expected<contracts::Embedding, contracts::Error> HashingEmbedder::embedOne(std::string_view text) const {
    contracts::Embedding out{model_, std::vector<float>(kDims, 0.0F)};
    float lineWeight = 1.0F;
    for (std::size_t start = 0, line = 0; start <= text.size(); ++line) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (line >= 2) {
            lineWeight *= kLineDecay;
        }
        addWords(out.values, text.substr(start, end - start), lineWeight);
        addTrigrams(out.values, text.substr(start, end - start), lineWeight);
        start = end + 1;
    }
    if (auto ok = contracts::normaliseInPlace(out.values); !ok) {
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "expected a text with at least one word or 3 characters", {}, 0,
                               "skip empty messages before embedding them");
    }
    return out;
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
