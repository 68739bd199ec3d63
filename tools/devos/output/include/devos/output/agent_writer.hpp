#pragma once
#include <devos/output/report.hpp>
#include <string>

namespace devos::output {

// One line per finding for LLM agents, nothing else:
//   file:line:col rule=<id> level=<level> msg="<message>" do="<instead>"
// followed by ` via="<note>; <note>"` when the finding has notes (e.g. a call chain). Values are
// quoted with \" \\ \n escapes. Baselined findings are left out: they need no action.
[[nodiscard]] std::string renderAgent(const Report& report);

} // namespace devos::output
