#include <devos/foundation/hash.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <string_view>

namespace devos::output {

std::string stableFingerprint(const engine::Finding& finding) {
    const std::string& subject = finding.subject.empty() ? finding.message : finding.subject;
    // A NUL between fields keeps ("a", "bc") and ("ab", "c") apart.
    std::uint64_t hash = foundation::kFnv1a64Seed;
    for (const std::string* field : {&finding.ruleId, &finding.at.file, &subject})
        hash = foundation::fnv1a64(std::string_view("\0", 1), foundation::fnv1a64(*field, hash));
    return foundation::hex64(hash);
}

} // namespace devos::output
