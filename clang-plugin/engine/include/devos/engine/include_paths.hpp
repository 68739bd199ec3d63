#pragma once
#include <devos/engine/purity_lists.hpp>
#include <string>

// Facts about the two ends of an #include that the include rules share: the plugin's checks and
// `devos mcp`'s check_edge (which answers from the policy alone, before the include is written).
namespace devos::engine {

// True when two files of `layer` are one component: below the layer's folder, the same first
// subfolder (adapters/postgres/**) or, for files directly in it, the same stem
// (include/x/adapters/db.hpp and src/adapters/db.cpp).
[[nodiscard]] bool sameComponent(const std::string& a, const std::string& b, const std::string& layer);

// A header of the C or C++ standard library or the platform (no extension, or on a purity list).
[[nodiscard]] bool isStandardHeader(const PurityLists& lists, const std::string& spelling);

} // namespace devos::engine
