#pragma once
#include <expected>
#include <string>

namespace devos::foundation {

// Why a call failed: callers branch on it (an Unavailable store is spooled, Invalid input is not).
enum class ErrorKind { Invalid, NotFound, Io, Unavailable, Storage };

// A user-facing error: where it is, what is wrong, and what to do about it.
struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string file;    // path as the user gave it; empty when the error has no file
    unsigned line = 0;   // 1-based; 0 when unknown
    std::string message; // what was expected and what was found
    std::string hint;    // what to do

    // "file:line: error: message", then "\n  hint: hint" when there is one: the one format every
    // DevOS command, the plugin and the runtime print.
    [[nodiscard]] std::string render() const;
};

template <typename T> using Expected = std::expected<T, Error>;

// Shorthand for returning an error from a function that yields Expected<T>.
[[nodiscard]] inline std::unexpected<Error> fail(ErrorKind kind, std::string message, std::string file = {},
                                                 unsigned line = 0, std::string hint = {}) {
    return std::unexpected(Error{kind, std::move(file), line, std::move(message), std::move(hint)});
}

// The exit code of a command that stops on this error: 2 when the user's input or configuration must
// change (Invalid, NotFound), 1 when the environment failed (Io, Unavailable, Storage).
[[nodiscard]] constexpr int exitCodeOf(ErrorKind kind) {
    return kind == ErrorKind::Invalid || kind == ErrorKind::NotFound ? 2 : 1;
}

} // namespace devos::foundation
