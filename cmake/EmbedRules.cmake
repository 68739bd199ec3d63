# Script mode: writes OUTPUT, a C++ file defining devos::engine::EmbeddedRules from the YAML files
# in RULES_DIR, so the plugin and the CLI carry the shipped defaults without reading files at run time.
# cmake -DRULES_DIR=... -DOUTPUT=... -P EmbedRules.cmake
set(body "// Generated from rules/*.yml by cmake/EmbedRules.cmake. Do not edit.\n#include <devos/engine/policy.hpp>\n\nnamespace devos::engine {\n")
foreach(pair "catalog;catalog.yml" "layers;layers.yml" "purity;purity.yml")
  list(GET pair 0 fn)
  list(GET pair 1 file)
  file(READ "${RULES_DIR}/${file}" text)
  string(APPEND body "const char* EmbeddedRules::${fn}() {\n    return R\"DEVOS_RAW(${text})DEVOS_RAW\";\n}\n")
endforeach()
string(APPEND body "} // namespace devos::engine\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
