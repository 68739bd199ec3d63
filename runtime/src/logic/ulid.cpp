// ULID (https://github.com/ulid/spec): 128 bits = 48-bit big-endian millisecond time + 80 random bits,
// written as 26 base32 digits (Crockford alphabet, no I L O U), most significant first. The time
// takes the first 10 digits (50 bits, the top two always zero), the randomness the last 16.
#include <devos/logic/ulid.hpp>

namespace devos::logic {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int digitValue(char c) {
    auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

} // namespace

contracts::Ulid encodeUlid(std::uint64_t millis, const UlidRandom& random) {
    contracts::Ulid out(26, '0');
    std::uint64_t time = millis & 0xFFFFFFFFFFFFull;
    for (int i = 9; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kAlphabet[time & 31u];
        time >>= 5;
    }
    // 80 bits = 16 groups of 5, read from the byte array most significant bit first.
    for (int group = 0; group < 16; ++group) {
        unsigned value = 0;
        for (int bit = 0; bit < 5; ++bit) {
            int index = group * 5 + bit;
            unsigned b = (random[static_cast<std::size_t>(index / 8)] >> (7 - index % 8)) & 1u;
            value = (value << 1) | b;
        }
        out[static_cast<std::size_t>(10 + group)] = kAlphabet[value];
    }
    return out;
}

bool isUlid(std::string_view text) {
    if (text.size() != 26 || text[0] > '7')
        return false;
    for (char c : text)
        if (digitValue(c) < 0)
            return false;
    return true;
}

std::uint64_t ulidMillis(std::string_view ulid) {
    std::uint64_t time = 0;
    for (std::size_t i = 0; i < 10; ++i)
        time = (time << 5) | static_cast<std::uint64_t>(digitValue(ulid[i]));
    return time;
}

std::string ulidHex(std::string_view ulid) {
    // 26 digits x 5 bits = 130 bits, the top two zero: shift them through a 4-bit window.
    std::string out;
    unsigned window = 0;
    int bits = -2; // the first digit's two high bits are not part of the 128
    for (char c : ulid) {
        window = (window << 5) | static_cast<unsigned>(digitValue(c));
        bits += 5;
        while (bits >= 4) {
            bits -= 4;
            out += "0123456789abcdef"[(window >> bits) & 15u];
        }
        window &= (1u << bits) - 1u;
    }
    return out;
}

} // namespace devos::logic
