#include <devos/output/json_writer.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <nlohmann/json.hpp>

namespace devos::output {
namespace {

using Json = nlohmann::ordered_json;

Json noteJson(const engine::Note& note) {
    return Json{{"file", note.at.file},
                {"line", note.at.line},
                {"column", note.at.column},
                {"message", note.message}};
}

Json fixJson(const engine::FixIt& fix) {
    return Json{{"file", fix.at.file},     {"line", fix.at.line},         {"column", fix.at.column},
                {"endLine", fix.end.line}, {"endColumn", fix.end.column}, {"replacement", fix.replacement}};
}

Json findingJson(const engine::Finding& finding) {
    Json notes = Json::array();
    for (const auto& note : finding.notes)
        notes.push_back(noteJson(note));
    Json fixes = Json::array();
    for (const auto& fix : finding.fixes)
        fixes.push_back(fixJson(fix));
    return Json{{"rule", finding.ruleId},          {"level", engine::levelName(finding.level)},
                {"file", finding.at.file},         {"line", finding.at.line},
                {"column", finding.at.column},     {"endLine", finding.end.line},
                {"endColumn", finding.end.column}, {"message", finding.message},
                {"instead", finding.instead},      {"notes", std::move(notes)},
                {"fixes", std::move(fixes)},       {"fingerprint", stableFingerprint(finding)},
                {"baselined", finding.baselined}};
}

} // namespace

std::string renderJson(const Report& report) {
    Json findings = Json::array();
    for (const auto& finding : report.findings)
        findings.push_back(findingJson(finding));
    Summary s = summarize(report);
    Json document{
        {"version", 1},
        {"findings", std::move(findings)},
        {"summary",
         {{"errors", s.errors}, {"warnings", s.warnings}, {"notes", s.notes}, {"baselined", s.baselined}}},
        // What else happened: files that could not be analysed (and why), dropped flags; never silent.
        {"notifications", report.toolNotifications}};
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace devos::output
