#pragma once
#include <devos/engine/effect_summary.hpp>
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::check {

// A file a checked TU read, with what identifies its content.
struct Dependency {
    std::string path; // absolute
    long long size = 0;
    long long mtimeNs = 0;
    std::string hash; // content hash
};

// Results of `devos check` per TU, keyed by the command, the policy and the content of every file
// the TU read. A hit skips parsing entirely; any change to a dependency's content is a miss.
class CheckCache {
public:
    explicit CheckCache(std::string directory) : directory_(std::move(directory)) {}

    [[nodiscard]] std::optional<engine::EffectSummary> lookup(const std::string& key) const;
    // Stores the entry atomically (a concurrent `devos check` reads the old entry or this one).
    [[nodiscard]] foundation::Expected<void> store(const std::string& key,
                                                   const std::vector<Dependency>& dependencies,
                                                   const engine::EffectSummary& summary) const;
    // Describes a file as it is now (size, mtime, content hash); nullopt when it cannot be read.
    [[nodiscard]] static std::optional<Dependency> describe(const std::string& path);

private:
    std::string directory_;
};

} // namespace devos::check
