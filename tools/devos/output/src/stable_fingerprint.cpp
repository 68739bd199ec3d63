#include <cstdint>
#include <cstdio>
#include <devos/output/stable_fingerprint.hpp>
#include <string_view>

namespace devos::output {
namespace {

constexpr std::uint64_t fnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnvPrime = 0x100000001b3ULL;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= fnvPrime;
    }
    return hash;
}

} // namespace

std::string stableFingerprint(const engine::Finding& finding) {
    const std::string& subject = finding.subject.empty() ? finding.message : finding.subject;
    // A NUL between fields keeps ("a", "bc") and ("ab", "c") apart.
    std::uint64_t hash = fnvOffsetBasis;
    for (const std::string* field : {&finding.ruleId, &finding.at.file, &subject})
        hash = fnv1a(fnv1a(hash, *field), std::string_view("\0", 1));
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

} // namespace devos::output
