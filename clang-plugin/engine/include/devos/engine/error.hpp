#pragma once
#include <expected>
#include <string>

namespace devos::engine {

// A user-facing error: where it is, what is wrong, and what to do about it.
struct Error {
    std::string file;    // path as the user gave it; empty when the error has no file
    unsigned line = 0;   // 1-based; 0 when unknown
    std::string message; // what was expected and what was found
    std::string hint;    // what to do

    // "file:line: error: message (hint)" — the one format every command prints.
    [[nodiscard]] std::string render() const;
};

template <typename T> using Expected = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(std::string file, unsigned line, std::string message,
                                                 std::string hint = {}) {
    return std::unexpected(Error{std::move(file), line, std::move(message), std::move(hint)});
}

} // namespace devos::engine
