#include <devos/engine/effect_summary.hpp>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace devos::engine {
namespace {

json pointJson(const SourcePoint& p) {
    return {{"file", p.file}, {"line", p.line}, {"column", p.column}};
}
SourcePoint pointFrom(const json& j) {
    return {j.value("file", ""), j.value("line", 0u), j.value("column", 0u)};
}

json toJ(const Finding& f) {
    json notes = json::array();
    for (const auto& n : f.notes)
        notes.push_back({{"at", pointJson(n.at)}, {"message", n.message}, {"includeChain", n.includeChain}});
    json fixes = json::array();
    for (const auto& x : f.fixes)
        fixes.push_back({{"at", pointJson(x.at)}, {"end", pointJson(x.end)}, {"replacement", x.replacement}});
    return {{"rule", f.ruleId},      {"level", levelName(f.level)},
            {"at", pointJson(f.at)}, {"end", pointJson(f.end)},
            {"message", f.message},  {"subject", f.subject},
            {"instead", f.instead},  {"notes", notes},
            {"fixes", fixes}};
}

Finding fromJ(const json& j) {
    Finding f;
    f.ruleId = j.at("rule").get<std::string>();
    if (!parseLevel(j.value("level", "error"), f.level))
        f.level = Level::Error;
    f.at = pointFrom(j.at("at"));
    f.end = pointFrom(j.value("end", json::object()));
    f.message = j.value("message", "");
    f.subject = j.value("subject", "");
    f.instead = j.value("instead", "");
    for (const auto& n : j.value("notes", json::array()))
        f.notes.push_back({pointFrom(n.at("at")), n.value("message", ""), n.value("includeChain", false)});
    for (const auto& x : j.value("fixes", json::array()))
        f.fixes.push_back({pointFrom(x.at("at")), pointFrom(x.at("end")), x.value("replacement", "")});
    return f;
}

} // namespace

std::string findingToJson(const Finding& f) {
    return toJ(f).dump(-1, ' ', false, json::error_handler_t::replace);
}

foundation::Expected<Finding> findingFromJson(const std::string& text, const std::string& origin) {
    try {
        return fromJ(json::parse(text));
    } catch (const json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("not a DevOS finding: ") + e.what(), origin, 0);
    }
}

std::string toJson(const EffectSummary& s) {
    json functions = json::array();
    for (const auto& fn : s.functions) {
        json effects = json::array();
        for (const auto& e : fn.effects)
            effects.push_back({{"rule", e.ruleId}, {"what", e.what}, {"line", e.line}});
        json calls = json::array();
        for (const auto& c : fn.calls)
            calls.push_back(
                {{"usr", c.usr}, {"name", c.name}, {"declFile", c.declFile}, {"at", pointJson(c.at)}});
        functions.push_back({{"usr", fn.usr},
                             {"name", fn.name},
                             {"file", fn.file},
                             {"line", fn.line},
                             {"layer", fn.layer},
                             {"pureLayer", fn.pureLayer},
                             {"effects", effects},
                             {"calls", calls}});
    }
    json findings = json::array();
    for (const auto& f : s.findings)
        findings.push_back(toJ(f));
    // File names and messages are bytes from the disk: invalid UTF-8 becomes U+FFFD instead of an
    // exception that would end the compiler (issue 16 item 6).
    return json{{"devosSummary", 1}, {"tu", s.tu}, {"functions", functions}, {"findings", findings}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
}

foundation::Expected<EffectSummary> summaryFromJson(const std::string& text, const std::string& origin) {
    try {
        json j = json::parse(text);
        if (j.value("devosSummary", 0) != 1)
            return foundation::fail(foundation::ErrorKind::Invalid, "not a DevOS effect summary (version 1)",
                                    origin, 1, "rebuild to regenerate it");
        EffectSummary s;
        s.tu = j.value("tu", "");
        for (const auto& fj : j.at("functions")) {
            FunctionSummary fn{fj.at("usr"),
                               fj.value("name", ""),
                               fj.value("file", ""),
                               fj.value("line", 0u),
                               fj.value("layer", ""),
                               fj.value("pureLayer", false),
                               {},
                               {}};
            for (const auto& e : fj.value("effects", json::array()))
                fn.effects.push_back({e.at("rule"), e.value("what", ""), e.value("line", 0u)});
            for (const auto& c : fj.value("calls", json::array()))
                fn.calls.push_back(
                    {c.at("usr"), c.value("name", ""), c.value("declFile", ""), pointFrom(c.at("at"))});
            s.functions.push_back(std::move(fn));
        }
        for (const auto& fj : j.value("findings", json::array()))
            s.findings.push_back(fromJ(fj));
        return s;
    } catch (const json::exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid,
                                std::string("corrupt effect summary: ") + e.what(), origin, 0,
                                "delete the file and rebuild; summaries are regenerated from sources");
    }
}

} // namespace devos::engine
