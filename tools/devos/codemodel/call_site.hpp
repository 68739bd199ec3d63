#pragma once
#include <string>
#include <vector>

namespace devos::codemodel {

// The first argument of the CMake call `command` that starts on 1-based `line` of `cmakeText`
// ("logic" for `target_link_libraries(logic PRIVATE db)`), unquoted; empty when the call is not
// there or its first argument is not a literal name (a `${variable}`).
[[nodiscard]] std::string firstCallArgument(const std::string& cmakeText, unsigned line,
                                            const std::string& command);

// Every argument of the CMake call `command` that starts on 1-based `line` of `cmakeText`, unquoted,
// `${...}` references left as written; empty when the call is not there.
[[nodiscard]] std::vector<std::string> callArguments(const std::string& cmakeText, unsigned line,
                                                     const std::string& command);

} // namespace devos::codemodel
