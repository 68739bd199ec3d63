#pragma once
#include <devos/output/report.hpp>
#include <string>

namespace devos::output {

// Stable JSON for scripts (`--format json`), keys always in this order:
//   {"version":1,
//    "findings":[{rule, level, file, line, column, endLine, endColumn, message, instead,
//                 notes:[{file,line,column,message}],
//                 fixes:[{file,line,column,endLine,endColumn,replacement}],
//                 fingerprint, baselined}],
//    "summary":{errors, warnings, notes, baselined}}
// Baselined findings are listed with "baselined": true. `fingerprint` is stableFingerprint().
[[nodiscard]] std::string renderJson(const Report& report);

} // namespace devos::output
