// Chunk names are `<first event id>-<pid>-<sequence>.jsonl`: ULIDs sort by time, so replay keeps
// the order events were recorded in, and the pid and sequence keep concurrent writers apart.
#include <algorithm>
#include <devos/adapters/jsonl_spool.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace devos::adapters {
namespace {

namespace fs = std::filesystem;
using contracts::ErrorKind;
using contracts::fail;
using nlohmann::json;

json toJson(const contracts::TelemetryEvent& e) {
    return {{"id", e.id},
            {"ts", e.ts},
            {"source", contracts::sourceName(e.source)},
            {"kind", contracts::kindName(e.kind)},
            {"code", e.code},
            {"message", e.message},
            {"trace_id", e.traceId},
            {"tags", e.tags},
            {"payload", e.payloadJson}};
}

bool fromJson(const json& j, contracts::TelemetryEvent& e) {
    if (!j.is_object() || !j.contains("id") || !j.contains("ts") || !j.contains("message"))
        return false;
    e.id = j.value("id", "");
    e.ts = j.value("ts", 0LL);
    e.code = j.value("code", "");
    e.message = j.value("message", "");
    e.traceId = j.value("trace_id", "");
    e.payloadJson = j.value("payload", "");
    if (auto tags = j.find("tags"); tags != j.end() && tags->is_object())
        for (const auto& [k, v] : tags->items())
            if (v.is_string())
                e.tags[k] = v.get<std::string>();
    return contracts::parseSource(j.value("source", ""), e.source) &&
           contracts::parseKind(j.value("kind", ""), e.kind);
}

} // namespace

contracts::Expected<void> JsonlSpool::append(std::span<const contracts::TelemetryEvent> events) {
    if (events.empty())
        return {};
    // Written atomically: a replay never reads half a chunk, even after a crash or a full disk.
    std::string base = events[0].id + "-" + std::to_string(::getpid()) + "-" + std::to_string(sequence_++);
    std::string text;
    for (const auto& e : events)
        text += toJson(e).dump() + '\n';
    auto written = foundation::writeFileAtomically(
        (fs::path(directory_) / (base + ".jsonl")).string(), text,
        {.folders = foundation::MissingFolders::Create, .what = "the spool file"});
    if (!written)
        written.error().hint = "is the disk full? the events were not spooled";
    return written;
}

contracts::Expected<std::vector<contracts::SpoolChunk>> JsonlSpool::pending() {
    std::vector<contracts::SpoolChunk> chunks;
    std::error_code ec;
    if (!fs::exists(directory_, ec))
        return chunks;
    for (const auto& entry : fs::directory_iterator(directory_, ec))
        if (entry.path().extension() == ".jsonl")
            chunks.push_back({entry.path().string(), {}});
    if (ec)
        return fail(ErrorKind::Io, "cannot list the spool folder: " + ec.message(), directory_);
    std::sort(chunks.begin(), chunks.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (auto& chunk : chunks) {
        auto text = foundation::readTextFile(chunk.name, "the spool file");
        if (!text)
            return std::unexpected(text.error());
        std::istringstream in(*text);
        std::string line;
        unsigned number = 0;
        while (std::getline(in, line)) {
            ++number;
            contracts::TelemetryEvent e;
            if (!fromJson(json::parse(line, nullptr, false), e))
                return fail(ErrorKind::Invalid, "not a spooled event", chunk.name, number,
                            "move the file out of the spool folder to skip it");
            chunk.events.push_back(std::move(e));
        }
    }
    return chunks;
}

contracts::Expected<void> JsonlSpool::remove(const contracts::SpoolChunk& chunk) {
    std::error_code ec;
    fs::remove(chunk.name, ec);
    if (ec)
        return fail(ErrorKind::Io, "cannot remove the spool file: " + ec.message(), chunk.name);
    return {};
}

} // namespace devos::adapters
