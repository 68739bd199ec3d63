#include "codemodel/file_api.hpp"

#include "codemodel/call_site.hpp"

#include <algorithm>
#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace devos::codemodel {
namespace {

// A reply file: the File API replaces the whole reply on each cmake run, so a missing or unreadable
// file means it changed while it was read.
foundation::Expected<json> readJson(const fs::path& path, const std::string& buildDir) {
    auto reply = foundation::readJsonFile(path.string(), "the File API reply", "re-run cmake on " + buildDir);
    if (!reply && reply.error().kind != foundation::ErrorKind::Invalid)
        reply.error().hint =
            "a newer cmake run replaced the reply while it was read: run the command again, or " +
            queryHint(buildDir);
    return reply;
}

std::string absolute(const std::string& base, const std::string& path) {
    fs::path p(path);
    return (p.is_absolute() ? p : fs::path(base) / p).lexically_normal().string();
}

// Resolves backtrace indexes to call sites, reading each CMake file once.
class CallSites {
public:
    CallSites(const json& graph, std::string sourceDir) : graph_(graph), sourceDir_(std::move(sourceDir)) {}

    std::optional<CallSite> at(const json& backtrace) {
        if (!backtrace.is_number_unsigned() || backtrace.get<size_t>() >= graph_.at("nodes").size())
            return std::nullopt;
        const json& node = graph_.at("nodes").at(backtrace.get<size_t>());
        CallSite site;
        site.file =
            absolute(sourceDir_, graph_.at("files").at(node.at("file").get<size_t>()).get<std::string>());
        site.line = node.value("line", 0u);
        if (node.contains("command"))
            site.command = graph_.at("commands").at(node.at("command").get<size_t>()).get<std::string>();
        if (site.command == "target_link_libraries")
            site.namedTarget = firstCallArgument(text(site.file), site.line, site.command);
        return site;
    }

    // The package the outermost find_package / pkg_check_modules / pkg_search_module call in the
    // backtrace names; empty when there is none (a fragment a target_link_libraries call added).
    std::string packageOf(const json& backtrace) {
        if (!backtrace.is_number_unsigned())
            return {};
        const json& nodes = graph_.at("nodes");
        const json& commands = graph_.at("commands");
        std::string package;
        for (size_t at = backtrace.get<size_t>(); at < nodes.size();) {
            const json& node = nodes.at(at);
            if (node.contains("command") && node.contains("line")) {
                std::string command = commands.at(node.at("command").get<size_t>()).get<std::string>();
                if (command == "find_package" || command == "pkg_check_modules" ||
                    command == "pkg_search_module") {
                    std::string file = absolute(
                        sourceDir_, graph_.at("files").at(node.at("file").get<size_t>()).get<std::string>());
                    package = firstCallArgument(text(file), node.at("line").get<unsigned>(), command);
                }
            }
            if (!node.contains("parent"))
                break;
            at = node.at("parent").get<size_t>();
        }
        return package;
    }

private:
    const std::string& text(const std::string& file) {
        auto [it, inserted] = texts_.try_emplace(file);
        if (inserted) // cmake read it moments ago; unreadable now, the call site only loses its target name
            it->second = foundation::readTextFile(file).value_or(std::string{});
        return it->second;
    }

    const json& graph_;
    std::string sourceDir_;
    std::map<std::string, std::string> texts_;
};

Target readTarget(const json& t, const std::string& sourceDir, const std::string& buildDir) {
    Target target;
    target.id = t.at("id").get<std::string>();
    target.name = t.at("name").get<std::string>();
    target.type = t.at("type").get<std::string>();
    for (const auto& s : t.value("sources", json::array()))
        target.sources.push_back(absolute(sourceDir, s.at("path").get<std::string>()));
    for (const auto& a : t.value("artifacts", json::array()))
        target.artifacts.push_back(absolute(buildDir, a.at("path").get<std::string>()));
    CallSites sites(t.at("backtraceGraph"), sourceDir);
    for (const auto& d : t.value("dependencies", json::array()))
        target.dependencies.push_back(
            {d.at("id").get<std::string>(), {}, sites.at(d.value("backtrace", json()))});
    if (t.contains("link"))
        for (const auto& f : t.at("link").value("commandFragments", json::array()))
            if (f.value("role", "") == "libraries")
                target.libraries.push_back({{},
                                            f.at("fragment").get<std::string>(),
                                            sites.at(f.value("backtrace", json())),
                                            sites.packageOf(f.value("backtrace", json()))});
    return target;
}

// The reply index to read: the lexicographically largest index-*.json is the newest.
std::optional<fs::path> newestIndex(const fs::path& replyDir) {
    std::optional<fs::path> newest;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(replyDir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("index-") && name.ends_with(".json") &&
            (!newest || name > newest->filename().string()))
            newest = entry.path();
    }
    return newest;
}

} // namespace

const Target* Codemodel::find(const std::string& id) const {
    auto it = std::find_if(targets.begin(), targets.end(), [&](const Target& t) { return t.id == id; });
    return it == targets.end() ? nullptr : &*it;
}

const Target* Codemodel::findByName(const std::string& name) const {
    auto it = std::find_if(targets.begin(), targets.end(), [&](const Target& t) { return t.name == name; });
    return it == targets.end() ? nullptr : &*it;
}

std::string queryHint(const std::string& buildDir, const std::string& query) {
    return "create the query file and re-run cmake: mkdir -p " + buildDir + "/.cmake/api/v1/query && touch " +
           buildDir + "/.cmake/api/v1/query/" + query + " && cmake " + buildDir;
}

namespace {

// One object of the newest reply: its JSON, its version and the reply folder (which its references
// are relative to).
struct ReplyObject {
    json content;
    unsigned minorVersion = 0;
    fs::path replyDir;
    fs::path index;
};

// The newest reply's object of `kind` at `major` version (query file `query`); an error names the
// file and says how to get the reply.
foundation::Expected<ReplyObject> readReplyObject(const std::string& buildDir, const std::string& kind,
                                                  unsigned major, const std::string& query) {
    std::error_code ec;
    if (!fs::is_directory(buildDir, ec))
        return foundation::fail(foundation::ErrorKind::NotFound, "the build directory does not exist",
                                buildDir, 0, "pass the folder cmake wrote with -p");
    fs::path replyDir = fs::path(buildDir) / ".cmake" / "api" / "v1" / "reply";
    auto index = newestIndex(replyDir);
    if (!index)
        return foundation::fail(foundation::ErrorKind::NotFound,
                                "no CMake File API reply in the build directory", buildDir, 0,
                                queryHint(buildDir, query));
    auto indexJson = readJson(*index, buildDir);
    if (!indexJson)
        return std::unexpected(indexJson.error());
    try {
        const json* object = nullptr;
        std::string otherVersion;
        for (const auto& o : indexJson->at("objects")) {
            if (o.value("kind", "") != kind)
                continue;
            if (o.at("version").at("major").get<unsigned>() == major)
                object = &o;
            else
                otherVersion = std::to_string(o.at("version").at("major").get<unsigned>());
        }
        if (!object)
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    otherVersion.empty()
                                        ? "the File API reply has no " + kind
                                        : "the File API reply has " + kind + " v" + otherVersion +
                                              ", devos reads v" + std::to_string(major),
                                    index->string(), 0, queryHint(buildDir, query));
        auto content = readJson(replyDir / object->at("jsonFile").get<std::string>(), buildDir);
        if (!content)
            return std::unexpected(content.error());
        return ReplyObject{std::move(*content), object->at("version").value("minor", 0u), replyDir, *index};
    } catch (const json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("unexpected File API reply: ") + e.what(), index->string(), 0,
                                "re-run cmake on " + buildDir);
    }
}

} // namespace

foundation::Expected<Codemodel> readCodemodel(const std::string& buildDir) {
    auto reply = readReplyObject(buildDir, "codemodel", 2, "codemodel-v2");
    if (!reply)
        return std::unexpected(reply.error());
    const json& model = reply->content;
    try {
        Codemodel result;
        result.sourceDir = model.at("paths").at("source").get<std::string>();
        result.buildDir = model.at("paths").at("build").get<std::string>();
        result.minorVersion = reply->minorVersion;
        const json& configurations = model.at("configurations");
        if (configurations.empty())
            return foundation::fail(foundation::ErrorKind::Invalid, "the codemodel has no configuration",
                                    reply->index.string(), 0, "re-run cmake on " + buildDir);
        for (const auto& ref : configurations.at(0).at("targets")) {
            auto t = readJson(reply->replyDir / ref.at("jsonFile").get<std::string>(), buildDir);
            if (!t)
                return std::unexpected(t.error());
            if (t->value("type", "") != "UTILITY") // custom targets, and the generators LLVM's package adds
                result.targets.push_back(readTarget(*t, result.sourceDir, result.buildDir));
        }
        std::set<std::string> kept;
        for (const auto& t : result.targets)
            kept.insert(t.id);
        for (auto& t : result.targets)
            std::erase_if(t.dependencies, [&](const LinkEdge& e) { return !kept.contains(e.targetId); });
        return result;
    } catch (const json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("unexpected File API reply: ") + e.what(), reply->index.string(),
                                0, "re-run cmake on " + buildDir + "; devos reads codemodel 2.0 and later");
    }
}

foundation::Expected<std::vector<CacheEntry>> readCache(const std::string& buildDir) {
    auto reply = readReplyObject(buildDir, "cache", 2, "cache-v2");
    if (!reply)
        return std::unexpected(reply.error());
    try {
        std::vector<CacheEntry> entries;
        for (const auto& e : reply->content.at("entries")) {
            CacheEntry entry{e.at("name").get<std::string>(), e.at("value").get<std::string>(),
                             e.value("type", ""), ""};
            for (const auto& property : e.value("properties", json::array()))
                if (property.value("name", "") == "HELPSTRING")
                    entry.helpString = property.value("value", "");
            entries.push_back(std::move(entry));
        }
        return entries;
    } catch (const json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("unexpected File API cache reply: ") + e.what(),
                                reply->index.string(), 0, "re-run cmake on " + buildDir);
    }
}

foundation::Expected<std::vector<std::string>> readProjectListFiles(const std::string& buildDir) {
    auto reply = readReplyObject(buildDir, "cmakeFiles", 1, "cmakeFiles-v1");
    if (!reply)
        return std::unexpected(reply.error());
    try {
        std::string sourceDir = reply->content.at("paths").at("source").get<std::string>();
        std::vector<std::string> files;
        for (const auto& input : reply->content.at("inputs"))
            if (!input.value("isCMake", false) && !input.value("isExternal", false) &&
                !input.value("isGenerated", false))
                files.push_back(absolute(sourceDir, input.at("path").get<std::string>()));
        return files;
    } catch (const json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("unexpected File API cmakeFiles reply: ") + e.what(),
                                reply->index.string(), 0, "re-run cmake on " + buildDir);
    }
}

} // namespace devos::codemodel
