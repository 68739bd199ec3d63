# Script mode: writes OUTPUT, a C++ file defining devos::init::grafanaFiles() from the files under
# DASHBOARDS_DIR (dashboards/grafana), so `devos init --dashboards DIR` writes them without reading
# the source tree or an install prefix at run time.
# cmake -DDASHBOARDS_DIR=... -DOUTPUT=... -P EmbedDashboards.cmake
file(GLOB_RECURSE files RELATIVE "${DASHBOARDS_DIR}" "${DASHBOARDS_DIR}/*.json" "${DASHBOARDS_DIR}/*.yaml")
list(SORT files)
set(body "// Generated from dashboards/grafana by cmake/EmbedDashboards.cmake. Do not edit.\n#include \"init/grafana_files.hpp\"\n\nnamespace devos::init {\n\nconst std::vector<ScaffoldFile>& grafanaFiles() {\n    static const std::vector<ScaffoldFile> files = {\n")
foreach(file IN LISTS files)
  file(READ "${DASHBOARDS_DIR}/${file}" text)
  string(APPEND body "        {\"${file}\", R\"DEVOS_RAW(${text})DEVOS_RAW\", \"\", \"\"},\n")
endforeach()
string(APPEND body "    };\n    return files;\n}\n\n} // namespace devos::init\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
