#include "keyword_index.hpp"

#include <deque>

namespace devos::policy {

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

KeywordIndex::KeywordIndex(const std::vector<std::string>& keywords) {
    for (const auto& keyword : keywords)
        for (unsigned char c : keyword)
            if (classOf_[c] == 0) {
                classOf_[c] = static_cast<std::uint8_t>(classes_);
                if (c >= 'a' && c <= 'z')
                    classOf_[c - 'a' + 'A'] = static_cast<std::uint8_t>(classes_);
                ++classes_;
            }
    // The trie: goto edges (0 = none; the root is state 0 and no edge leads back to it) and the
    // keywords that end at each state.
    std::vector<std::vector<std::uint32_t>> edges(1, std::vector<std::uint32_t>(classes_, 0));
    std::vector<std::vector<std::uint32_t>> ends(1);
    for (std::uint32_t k = 0; k < keywords.size(); ++k) {
        std::uint32_t state = 0;
        for (unsigned char c : keywords[k]) {
            std::uint32_t& edge = edges[state][classOf_[c]];
            if (edge == 0) {
                edge = static_cast<std::uint32_t>(edges.size());
                edges.emplace_back(classes_, 0);
                ends.emplace_back();
            }
            state = edge;
        }
        ends[state].push_back(k);
    }
    // Breadth-first: each state's failure state is shallower, so its transitions and outputs are
    // complete when the state is reached; missing edges become the failure state's transitions.
    const std::uint32_t states = static_cast<std::uint32_t>(edges.size());
    std::vector<std::uint32_t> fail(states, 0);
    std::vector<std::vector<std::uint32_t>> output(states);
    next_.assign(static_cast<size_t>(states) * classes_, 0);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t c = 0; c < classes_; ++c)
        if (std::uint32_t child = edges[0][c]) {
            next_[c] = child;
            queue.push_back(child);
        }
    while (!queue.empty()) {
        const std::uint32_t state = queue.front();
        queue.pop_front();
        output[state] = ends[state];
        output[state].insert(output[state].end(), output[fail[state]].begin(), output[fail[state]].end());
        for (std::uint32_t c = 0; c < classes_; ++c) {
            const std::uint32_t viaFail = next_[static_cast<size_t>(fail[state]) * classes_ + c];
            if (std::uint32_t child = edges[state][c]) {
                fail[child] = viaFail;
                next_[static_cast<size_t>(state) * classes_ + c] = child;
                queue.push_back(child);
            } else {
                next_[static_cast<size_t>(state) * classes_ + c] = viaFail;
            }
        }
    }
    outputStart_.assign(states + 1, 0);
    for (std::uint32_t state = 0; state < states; ++state) {
        outputStart_[state] = static_cast<std::uint32_t>(outputs_.size());
        outputs_.insert(outputs_.end(), output[state].begin(), output[state].end());
    }
    outputStart_[states] = static_cast<std::uint32_t>(outputs_.size());
    for (auto& target : next_)
        if (!output[target].empty())
            target |= kHasOutput;
}

void KeywordIndex::mark(std::string_view text, std::vector<char>& found) const {
    std::uint32_t state = 0;
    const std::uint32_t* table = next_.data();
    for (unsigned char c : text) {
        state = table[static_cast<size_t>(state) * classes_ + classOf_[c]];
        if (state & kHasOutput) {
            state &= ~kHasOutput;
            for (std::uint32_t i = outputStart_[state]; i < outputStart_[state + 1]; ++i)
                found[outputs_[i]] = 1;
        }
    }
}

} // namespace devos::policy
