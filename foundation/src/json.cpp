#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <devos/foundation/text.hpp>

namespace devos::foundation {

Expected<nlohmann::json> parseJson(std::string_view text, const std::string& origin, std::string_view what,
                                   std::string_view hint) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann counts the bytes it read, the offending one included: it is at e.byte - 1.
        unsigned line = lineOfOffset(text, e.byte > 0 ? e.byte - 1 : 0);
        return fail(ErrorKind::Invalid, std::string(what) + " is not valid JSON: " + e.what(), origin, line,
                    std::string(hint));
    } catch (const nlohmann::json::exception& e) {
        // A number too large for a double (out_of_range.406) and the like: no byte offset is known.
        return fail(ErrorKind::Invalid, std::string(what) + " is not valid JSON: " + e.what(), origin, 0,
                    std::string(hint));
    }
}

Expected<nlohmann::json> readJsonFile(const std::string& path, std::string_view what, std::string_view hint) {
    auto text = readTextFile(path, what);
    if (!text) {
        text.error().hint = std::string(hint);
        return std::unexpected(std::move(text.error()));
    }
    return parseJson(*text, path, what, hint);
}

} // namespace devos::foundation
