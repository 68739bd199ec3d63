#include "gates/gate_result.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace devos::gates {

std::string toJson(const GateResult& r) {
    return nlohmann::json{{"name", r.name},       {"status", r.status},     {"exitCode", r.exitCode},
                          {"seconds", r.seconds}, {"findings", r.findings}, {"sarif", r.sarif},
                          {"detail", r.detail},   {"note", r.note}}
        .dump();
}

foundation::Expected<GateResult> readGateResult(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        return foundation::fail(foundation::ErrorKind::NotFound, "gate result missing", path, 0,
                                "re-run the gate target; the result is rewritten");
    std::stringstream text;
    text << in.rdbuf();
    try {
        auto j = nlohmann::json::parse(text.str());
        return GateResult{j.at("name"),
                          j.at("status"),
                          j.value("exitCode", 0),
                          j.value("seconds", 0.0),
                          j.value("findings", 0L),
                          j.value("sarif", ""),
                          j.value("detail", ""),
                          j.value("note", "")};
    } catch (const nlohmann::json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("corrupt gate result: ") + e.what(), path, 1,
                                "delete it and re-run the gate target");
    }
}

foundation::Expected<void> writeGateResult(const std::string& path, const GateResult& result) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << toJson(result) << "\n";
        if (!out)
            return foundation::fail(foundation::ErrorKind::Io, "cannot write the gate result", path, 0);
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        return foundation::fail(foundation::ErrorKind::Io, "cannot write the gate result: " + ec.message(),
                                path, 0);
    return {};
}

} // namespace devos::gates
