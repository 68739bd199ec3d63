#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// How a mangled name (`_Z...`) is decoded. NestedNamesOnly is pattern-id normalizer v1: simple nested
// names only (`_ZN3foo3barEv`), so `_ZNSt6vector...` stayed mangled and counted as in-app. Itanium
// (v2, the default) demangles every name with the C++ ABI's demangler.
enum class Demangling { NestedNamesOnly, Itanium };

// One stack frame reduced to what identifies it across builds and machines.
struct StackFrame {
    std::string function; // cleaned: no arguments, template arguments, offsets or ABI tags
    std::string file;     // normalizePath of the location, without the line; empty when unknown
    bool inApp = true;    // false for the standard library, libc, sanitizers, gtest, system paths
};

// Parses one backtrace line in the common formats (gdb/ASan `#3 0x.. in f(int) file.cpp:12`,
// lldb `frame #3: ... at file.cpp:12`, std::stacktrace/boost `3# f(int) at file.cpp:12`, glibc
// `./app(_ZN1a1bEv+0x1c) [0x..]`, or a bare function name); nullopt for a blank line.
[[nodiscard]] std::optional<StackFrame> parseFrame(std::string_view line,
                                                   Demangling demangling = Demangling::Itanium);

// Demangle-like cleanup of a function name: a mangled name is decoded (`_ZN3foo3barEv` → `foo::bar`,
// see Demangling); argument lists, template arguments, `[abi:...]`, `+0x..` offsets, trailing
// cv-qualifiers and lambda numbering are removed (with Itanium, `[clone .cold]` suffixes too).
[[nodiscard]] std::string cleanFunctionName(std::string_view name,
                                            Demangling demangling = Demangling::Itanium);

// The first `count` in-app frames of a trace as `function` (or the file when the function is
// unknown). When some lines are frame-marked (`#n`, `n#`, `frame #n`), the others are skipped
// as sanitizer or test-framework chatter.
[[nodiscard]] std::vector<std::string> topInAppFrames(std::string_view stackTrace, std::size_t count = 5,
                                                      Demangling demangling = Demangling::Itanium);

} // namespace devos::logic
