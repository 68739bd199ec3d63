// The escaping follows Ninja's depfile_parser.in.cc: "2N+1 backslashes plus space -> N backslashes
// plus space", "2N backslashes plus space -> 2N backslashes, end of filename", "\#" -> "#" (earlier
// backslashes kept), "$$" -> "$"; any other backslash is literal.
#include <devos/foundation/depfile.hpp>
#include <devos/foundation/files.hpp>

namespace devos::foundation {

Expected<std::string> escapeDepfilePath(std::string_view path) {
    std::string out;
    std::size_t backslashes = 0; // the run of backslashes just written
    for (char c : path) {
        if (c == '\n' || c == '\r' || c == '\t')
            return fail(ErrorKind::Invalid,
                        "a depfile cannot name a path with a newline, carriage return or tab: '" +
                            std::string(path) + "'",
                        {}, 0, "rename the file");
        if (c == ' ') {
            out.append(backslashes, '\\');
            out += "\\ ";
        } else if (c == '#') {
            out += "\\#";
        } else if (c == '$') {
            out += "$$";
        } else {
            out += c;
        }
        backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    if (backslashes % 2 == 1) // the separator after it would read as an escaped space
        return fail(ErrorKind::Invalid,
                    "a depfile cannot name a path that ends in a backslash: '" + std::string(path) + "'", {},
                    0, "rename the file");
    return out;
}

Expected<void> writeDepfile(const std::string& depfile, const std::string& target,
                            const std::vector<std::string>& inputs) {
    auto escapedTarget = escapeDepfilePath(target);
    if (!escapedTarget) {
        escapedTarget.error().file = depfile;
        return std::unexpected(escapedTarget.error());
    }
    std::string text = *escapedTarget + ":";
    for (const auto& input : inputs) {
        auto escaped = escapeDepfilePath(input);
        if (!escaped) {
            escaped.error().file = depfile;
            return std::unexpected(escaped.error());
        }
        text += " \\\n  " + *escaped;
    }
    text += "\n";
    return writeFileAtomically(depfile, text, {.folders = MissingFolders::Create, .what = "the depfile"});
}

} // namespace devos::foundation
