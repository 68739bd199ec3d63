#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace devos::policy {

// `text` with ASCII letters in lower case (rule keywords and stopwords compare this way).
[[nodiscard]] std::string lowerAscii(std::string_view text);

// Which of a fixed set of keywords occur in a text, ignoring ASCII case, found in one pass
// (Aho-Corasick over byte classes: the bytes no keyword holds share one class, so the table stays
// small enough for the cache).
class KeywordIndex {
public:
    // `keywords` in lower case, none empty.
    explicit KeywordIndex(const std::vector<std::string>& keywords);

    // Sets found[k] to 1 for every keyword k that occurs in `text`; `found` has one entry per keyword.
    void mark(std::string_view text, std::vector<char>& found) const;

private:
    static constexpr std::uint32_t kHasOutput = 0x80000000u;
    std::uint8_t classOf_[256] = {};
    std::uint32_t classes_ = 1;
    std::vector<std::uint32_t> next_;        // state * classes_ + class -> state | kHasOutput
    std::vector<std::uint32_t> outputStart_; // state -> first of its keywords in outputs_ (size states + 1)
    std::vector<std::uint32_t> outputs_;     // keyword ids ending at each state, its own and its suffixes'
};

} // namespace devos::policy
