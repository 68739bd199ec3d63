// GitHub code scanning deduplicates alerts across uploads by `partialFingerprints.primaryLocationLineHash`.
// codeql-action computes it when it uploads; the raw API does not, so we compute it the same way.
//
// The algorithm (codeql-action src/fingerprints.ts): decode the file as UTF-8 into UTF-16 code units;
// drop spaces and tabs; turn CR and CRLF into LF; append 0xFFFF as an end marker. A rolling polynomial
// hash (base 37, modulo 2^64) runs over a window of the next 100 kept units; a line's hash is the window
// that starts at its first kept unit, padded with zeros past the end. Hex without leading zeros, then
// ":<n>" where n counts how often that hash value has occurred so far in the file.
#include <array>
#include <cstdint>
#include <cstdio>
#include <devos/output/line_hash.hpp>
#include <map>

namespace devos::output {
namespace {

constexpr std::size_t blockSize = 100;
constexpr std::uint64_t base = 37;
constexpr std::uint32_t endOfFile = 0xFFFF;
constexpr std::uint32_t replacementChar = 0xFFFD;

// Calls `emit` with each UTF-16 code unit of UTF-8 `text`; ill-formed sequences become U+FFFD, one per
// maximal subpart (the WHATWG decoder Node.js uses).
template <typename Emit> void forEachUtf16Unit(std::string_view text, Emit emit) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            emit(lead);
            ++i;
            continue;
        }
        std::size_t need = 0;
        std::uint32_t cp = 0;
        unsigned char lower = 0x80, upper = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
            cp = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            cp = lead & 0x0Fu;
            lower = lead == 0xE0 ? 0xA0 : 0x80;
            upper = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            cp = lead & 0x07u;
            lower = lead == 0xF0 ? 0x90 : 0x80;
            upper = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            emit(replacementChar);
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        bool complete = true;
        for (std::size_t k = 0; k < need; ++k, ++j) {
            auto next = j < text.size() ? static_cast<unsigned char>(text[j]) : 0;
            if (j >= text.size() || next < lower || next > upper) {
                complete = false;
                break;
            }
            cp = (cp << 6) | (next & 0x3Fu);
            lower = 0x80;
            upper = 0xBF;
        }
        i = j;
        if (!complete) {
            emit(replacementChar);
        } else if (cp >= 0x10000) {
            emit(0xD800 + ((cp - 0x10000) >> 10));
            emit(0xDC00 + ((cp - 0x10000) & 0x3FFu));
        } else {
            emit(cp);
        }
    }
}

// Lines start in order and each is emitted exactly `blockSize` units after its start, so the hashes come
// out in line order.
class RollingLineHasher {
public:
    RollingLineHasher() {
        for (std::size_t i = 0; i < blockSize; ++i)
            firstMod_ *= base;
    }

    void add(std::uint32_t unit) {
        constexpr std::uint32_t space = ' ', tab = '\t', lf = '\n', cr = '\r';
        if (unit == space || unit == tab || (prevCR_ && unit == lf)) {
            prevCR_ = false;
            return;
        }
        prevCR_ = unit == cr;
        if (unit == cr)
            unit = lf;
        if (startsLine_[index_])
            emitLine();
        if (lineStart_) {
            lineStart_ = false;
            startsLine_[index_] = true;
        }
        lineStart_ = unit == lf;
        roll(unit);
    }

    std::vector<std::string> finish() {
        add(endOfFile);
        for (std::size_t i = 0; i < blockSize; ++i) {
            if (startsLine_[index_])
                emitLine();
            roll(0);
        }
        return std::move(hashes_);
    }

private:
    void roll(std::uint32_t unit) {
        std::uint64_t leaving = window_[index_];
        window_[index_] = unit;
        hash_ = base * hash_ + unit - firstMod_ * leaving;
        index_ = (index_ + 1) % blockSize;
    }

    void emitLine() {
        char hex[17];
        std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(hash_));
        unsigned occurrence = ++seen_[hex];
        hashes_.push_back(std::string(hex) + ":" + std::to_string(occurrence));
        startsLine_[index_] = false;
    }

    std::array<std::uint32_t, blockSize> window_{};
    std::array<bool, blockSize> startsLine_{}; // the unit at this window slot is the first of a line
    std::uint64_t firstMod_ = 1;
    std::uint64_t hash_ = 0;
    std::size_t index_ = 0;
    bool lineStart_ = true;
    bool prevCR_ = false;
    std::map<std::string, unsigned> seen_;
    std::vector<std::string> hashes_;
};

} // namespace

std::vector<std::string> lineHashes(std::string_view fileText) {
    RollingLineHasher hasher;
    forEachUtf16Unit(fileText, [&](std::uint32_t unit) { hasher.add(unit); });
    return hasher.finish();
}

std::string lineFingerprint(std::string_view fileText, unsigned line) {
    auto hashes = lineHashes(fileText);
    return line >= 1 && line <= hashes.size() ? hashes[line - 1] : std::string();
}

} // namespace devos::output
