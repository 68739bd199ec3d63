#include <algorithm>
#include <devos/engine/finding.hpp>
#include <tuple>

namespace devos::engine {

const char* levelName(Level level) {
    switch (level) {
    case Level::Off:
        return "off";
    case Level::Note:
        return "note";
    case Level::Warning:
        return "warning";
    case Level::Error:
        return "error";
    }
    return "error";
}

bool parseLevel(const std::string& text, Level& out) {
    for (Level l : {Level::Off, Level::Note, Level::Warning, Level::Error}) {
        if (text == levelName(l)) {
            out = l;
            return true;
        }
    }
    return false;
}

bool findingLess(const Finding& a, const Finding& b) {
    return std::tie(a.at.file, a.at.line, a.at.column, a.ruleId, a.message) <
           std::tie(b.at.file, b.at.line, b.at.column, b.ruleId, b.message);
}

bool sameFinding(const Finding& a, const Finding& b) {
    return a.ruleId == b.ruleId && a.at == b.at && a.message == b.message;
}

void sortAndDeduplicate(std::vector<Finding>& findings) {
    std::sort(findings.begin(), findings.end(),
              findingLess); // findingLess is a total order on what sameFinding compares
    findings.erase(std::unique(findings.begin(), findings.end(), sameFinding), findings.end());
}

} // namespace devos::engine
