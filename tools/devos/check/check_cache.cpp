#include "check/check_cache.hpp"

#include <devos/engine/content_hash.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace devos::check {
namespace {

// Unchanged when size and mtime agree; otherwise compare content, so a `touch` is still a hit.
bool unchanged(const nlohmann::json& dep) {
    std::error_code ec;
    std::string path = dep.at("path");
    auto size = fs::file_size(path, ec);
    if (ec)
        return false;
    auto mtime = fs::last_write_time(path, ec);
    if (ec)
        return false;
    long long ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    if (static_cast<long long>(size) == dep.at("size").get<long long>() &&
        ns == dep.at("mtimeNs").get<long long>())
        return true;
    auto text = foundation::readTextFile(path);
    return text && engine::contentHash(*text) == dep.at("hash").get<std::string>();
}

} // namespace

std::optional<Dependency> CheckCache::describe(const std::string& path) {
    auto text = foundation::readTextFile(path);
    if (!text)
        return std::nullopt;
    std::error_code ec;
    auto mtime = fs::last_write_time(path, ec);
    long long ns =
        ec ? 0 : std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    return Dependency{path, static_cast<long long>(text->size()), ns, engine::contentHash(*text)};
}

std::optional<engine::EffectSummary> CheckCache::lookup(const std::string& key) const {
    auto text = foundation::readTextFile((fs::path(directory_) / (key + ".json")).string());
    if (!text)
        return std::nullopt;
    try {
        auto entry = nlohmann::json::parse(*text);
        for (const auto& dep : entry.at("deps"))
            if (!unchanged(dep))
                return std::nullopt;
        auto summary = engine::summaryFromJson(entry.at("summary").dump(), key);
        if (!summary)
            return std::nullopt;
        return std::move(*summary);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt; // a corrupt entry is a miss; it is rewritten below
    }
}

foundation::Expected<void> CheckCache::store(const std::string& key,
                                             const std::vector<Dependency>& dependencies,
                                             const engine::EffectSummary& summary) const {
    nlohmann::json deps = nlohmann::json::array();
    for (const auto& d : dependencies)
        deps.push_back({{"path", d.path}, {"size", d.size}, {"mtimeNs", d.mtimeNs}, {"hash", d.hash}});
    nlohmann::json entry{{"deps", deps}, {"summary", nlohmann::json::parse(engine::toJson(summary))}};
    return foundation::writeFileAtomically(
        (fs::path(directory_) / (key + ".json")).string(), entry.dump(),
        {.folders = foundation::MissingFolders::Create, .what = "the cache entry"});
}

} // namespace devos::check
