#include <devos/output/text_writer.hpp>

namespace devos::output {
namespace {

constexpr const char* reset = "\x1b[0m";
constexpr const char* bold = "\x1b[1m";

// The label colour clang uses for each level.
const char* levelColor(engine::Level level) {
    switch (level) {
    case engine::Level::Error:
        return "\x1b[0;1;31m";
    case engine::Level::Warning:
        return "\x1b[0;1;35m";
    case engine::Level::Note:
    case engine::Level::Off:
        return "\x1b[0;1;30m";
    }
    return "";
}

class TextPrinter {
public:
    explicit TextPrinter(bool color) : color_(color) {}

    void line(const engine::SourcePoint& at, engine::Level level, const std::string& message,
              bool boldMessage) {
        out_ += paint(bold, pointText(at) + ":") + " ";
        out_ += paint(levelColor(level), std::string(engine::levelName(level)) + ":") + " ";
        out_ += boldMessage ? paint(bold, message) : message;
        out_ += "\n";
    }

    void plain(const std::string& text) { out_ += text + "\n"; }
    std::string take() { return std::move(out_); }

private:
    std::string paint(const char* style, const std::string& text) const {
        return color_ ? style + text + reset : text;
    }

    bool color_;
    std::string out_;
};

std::string counted(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string summaryLine(const Summary& s) {
    std::string text = counted(s.errors, "error") + ", " + counted(s.warnings, "warning");
    if (s.notes != 0)
        text += ", " + counted(s.notes, "note");
    if (s.baselined != 0)
        text += " (" + std::to_string(s.baselined) + " baselined)";
    return text + " from devos";
}

} // namespace

std::string renderText(const Report& report, bool color) {
    TextPrinter printer(color);
    for (const auto& finding : report.findings) {
        if (finding.baselined)
            continue;
        printer.line(finding.at, finding.level, "[devos " + finding.ruleId + "] " + finding.message,
                     finding.level != engine::Level::Note);
        if (!finding.instead.empty())
            printer.line(finding.at, engine::Level::Note, finding.instead, false);
        for (const auto& note : finding.notes)
            printer.line(note.at, engine::Level::Note, note.message, false);
    }
    printer.plain(summaryLine(summarize(report)));
    return printer.take();
}

} // namespace devos::output
