#include "gates/gate_result.hpp"

#include <algorithm>
#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <nlohmann/json.hpp>

namespace devos::gates {

std::vector<std::filesystem::path> gateResultFiles(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const auto rel = it->path().lexically_relative(dir).generic_string();
        if (rel == "tu" || rel == "check-cache") { // effect summaries and the check cache, not gate results
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".json")
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string_view statusName(GateStatus status) {
    switch (status) {
    case GateStatus::Passed:
        return "passed";
    case GateStatus::Failed:
        return "failed";
    case GateStatus::Skipped:
        return "skipped";
    case GateStatus::Advisory:
        return "advisory";
    }
    return "failed";
}

std::optional<GateStatus> gateStatusNamed(std::string_view name) {
    for (auto status : {GateStatus::Passed, GateStatus::Failed, GateStatus::Skipped, GateStatus::Advisory})
        if (statusName(status) == name)
            return status;
    return std::nullopt;
}

std::string toJson(const GateResult& r) {
    return nlohmann::json{{"name", r.name},
                          {"status", statusName(r.status)},
                          {"exitCode", r.exitCode},
                          {"seconds", r.seconds},
                          {"findings", r.findings},
                          {"sarif", r.sarif},
                          {"diagnostics", r.diagnostics},
                          {"detail", r.detail},
                          {"note", r.note}}
        .dump();
}

foundation::Expected<GateResult> readGateResult(const std::string& path) {
    auto j =
        foundation::readJsonFile(path, "the gate result", "re-run the gate target; the result is rewritten");
    if (!j && j.error().kind == foundation::ErrorKind::NotFound)
        return foundation::fail(foundation::ErrorKind::NotFound, "gate result missing", path, 0,
                                j.error().hint);
    if (!j)
        return std::unexpected(j.error());
    try {
        const std::string word = j->at("status");
        const auto status = gateStatusNamed(word);
        if (!status)
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "corrupt gate result: unknown status '" + word +
                                        "' (passed, failed, skipped or advisory)",
                                    path, 1, "delete it and re-run the gate target");
        return GateResult{j->at("name"),
                          *status,
                          j->value("exitCode", 0),
                          j->value("seconds", 0.0),
                          j->value("findings", 0L),
                          j->value("sarif", ""),
                          j->value("diagnostics", false),
                          j->value("detail", ""),
                          j->value("note", "")};
    } catch (const nlohmann::json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("corrupt gate result: ") + e.what(), path, 1,
                                "delete it and re-run the gate target");
    }
}

foundation::Expected<void> writeGateResult(const std::string& path, const GateResult& result) {
    return foundation::writeFileAtomically(
        path, toJson(result) + "\n",
        {.folders = foundation::MissingFolders::Create, .what = "the gate result"});
}

foundation::Expected<long> countSarifFindings(const std::string& path) {
    auto log = foundation::readJsonFile(path, "the gate's SARIF",
                                        "the gate's command must write it: see its output");
    if (!log)
        return std::unexpected(log.error());
    if (!log->is_object() || !log->contains("runs") || !(*log)["runs"].is_array())
        return foundation::fail(foundation::ErrorKind::Invalid, "the gate's SARIF has no 'runs' list", path,
                                1, "the gate's command must write a SARIF 2.1.0 log");
    long findings = 0;
    for (const auto& run : (*log)["runs"]) {
        if (!run.is_object())
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "a run of the gate's SARIF is not an object", path);
        auto results = run.find("results");
        if (results == run.end())
            continue;
        if (!results->is_array())
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "the results of the gate's SARIF are not a list", path);
        for (const auto& r : *results)
            findings += !r.is_object() || r.value("level", "warning") != "note";
    }
    return findings;
}

} // namespace devos::gates
