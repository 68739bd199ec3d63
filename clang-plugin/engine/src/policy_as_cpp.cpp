#include <cstdio>
#include <devos/engine/policy.hpp>

namespace devos::engine {
namespace {

// A C++ string literal for any bytes: printable ASCII as is, everything else as a 3-digit octal
// escape (never a hex escape, which would swallow the hex digits that follow). Lines break after
// '\n' into adjacent literals so the generated file reads like the YAML it came from.
std::string literal(const std::string& text, const std::string& indent) {
    std::string out = "\"";
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n\"";
            if (i + 1 < text.size())
                out += "\n" + indent + "\"";
            else
                return out;
        } else if (c < 0x20 || c >= 0x7f) {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\%03o", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string strings(const std::vector<std::string>& items) {
    std::string out = "{";
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + literal(items[i], "");
    return out + "}";
}

const char* levelEnumerator(Level level) {
    switch (level) {
    case Level::Off:
        return "Level::Off";
    case Level::Note:
        return "Level::Note";
    case Level::Warning:
        return "Level::Warning";
    case Level::Error:
        return "Level::Error";
    }
    return "Level::Error";
}

std::string flag(bool value) {
    return value ? "true" : "false";
}

std::string rulesAsCpp(const RuleCatalog& catalog) {
    std::string out = "    policy.catalog = RuleCatalog({\n";
    const std::string indent(12, ' ');
    for (const Rule& r : catalog.rules())
        out +=
            "        Rule{.id = " + literal(r.id, indent) + ",\n" + indent +
            ".level = " + levelEnumerator(r.level) + ",\n" + indent + ".name = " + literal(r.name, indent) +
            ",\n" + indent + ".summary = " + literal(r.summary, indent) + ",\n" + indent +
            ".why = " + literal(r.why, indent) + ",\n" + indent + ".instead = " + literal(r.instead, indent) +
            ",\n" + indent + ".allowed = " + literal(r.allowed, indent) + ",\n" + indent +
            ".tags = " + strings(r.tags) + "},\n";
    return out + "    });\n";
}

std::string layersAsCpp(const LayerMap& layers) {
    const LayerMap::Data& d = layers.data();
    std::string out = "    policy.layers = LayerMap(LayerMap::Data{\n        .layers = {\n";
    for (const LayerSpec& l : d.layers)
        out += "            LayerSpec{.name = " + literal(l.name, "") + ", .paths = " + strings(l.paths) +
               ", .mayInclude = " + strings(l.mayInclude) + ", .discouraged = " + strings(l.discouraged) +
               ", .pure = " + flag(l.pure) + ", .interfacesOnly = " + flag(l.interfacesOnly) +
               ", .external = " + flag(l.external) + ", .independent = " + flag(l.independent) +
               ", .mayDefineMain = " + flag(l.mayDefineMain) + "},\n";
    return out + "        },\n        .firstParty = " + strings(d.firstParty) +
           ",\n        .unassignedRoots = " + strings(d.unassignedRoots) +
           ",\n        .testPaths = " + strings(d.testPaths) +
           ",\n        .externalTestPaths = " + strings(d.externalTestPaths) + "});\n";
}

std::string purityAsCpp(const PurityLists& purity) {
    const PurityLists::Data& d = purity.data();
    std::string out = "    policy.purity = PurityLists(PurityLists::Data{\n        .deny = {\n";
    for (const DenyList& l : d.deny)
        out += "            DenyList{.ruleId = " + literal(l.ruleId, "") +
               ",\n                     .calls = " + strings(l.calls) +
               ",\n                     .types = " + strings(l.types) +
               ",\n                     .variables = " + strings(l.variables) +
               ",\n                     .headers = " + strings(l.headers) + "},\n";
    return out + "        },\n        .pureHeaders = " + strings(d.pureHeaders) +
           ",\n        .pureCalls = " + strings(d.pureCalls) + "});\n";
}

} // namespace

std::string policyAsCpp(const Policy& policy) {
    return "// Generated from rules/*.yml by devos_policy_codegen (clang-plugin/engine/codegen). Do not "
           "edit.\n"
           "// The defaults as data: a compile that loads the plugin parses no YAML for them.\n"
           "#include <devos/engine/policy.hpp>\n\n"
           "namespace devos::engine {\n\n"
           "foundation::Expected<Policy> Policy::defaults() {\n"
           "    Policy policy;\n" +
           rulesAsCpp(policy.catalog) + layersAsCpp(policy.layers) + purityAsCpp(policy.purity) +
           "    policy.tier = " + std::to_string(policy.tier) +
           ";\n"
           "    return policy;\n"
           "}\n\n"
           "} // namespace devos::engine\n";
}

} // namespace devos::engine
