#include <devos/output/agent_writer.hpp>

namespace devos::output {
namespace {

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out + "\"";
}

std::string notesText(const std::vector<engine::Note>& notes) {
    std::string text;
    for (const auto& note : notes)
        text += (text.empty() ? "" : "; ") + pointText(note.at) + " " + note.message;
    return text;
}

} // namespace

std::string renderAgent(const Report& report) {
    std::string out;
    for (const auto& finding : report.findings) {
        if (finding.baselined)
            continue;
        out += pointText(finding.at) + " rule=" + finding.ruleId +
               " level=" + engine::levelName(finding.level) + " msg=" + quoted(finding.message) +
               " do=" + quoted(finding.instead);
        if (!finding.notes.empty())
            out += " via=" + quoted(notesText(finding.notes));
        out += "\n";
    }
    return out;
}

} // namespace devos::output
