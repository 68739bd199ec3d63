# DevOSDependencyProvider.cmake: records every find_package() of a configure, with the version it
# resolved to, in ${CMAKE_BINARY_DIR}/devos/dependencies.json (check-full's floors, bans and SBOM
# read it). A CMake dependency provider (CMake >= 3.24) must be injected at the first project():
#
#   cmake -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/DevOSDependencyProvider.cmake -S . -B build
#
# The file: {"version": 1, "dependencies": [{"name", "requestedVersion", "version", "found", "required",
# "location", "config", "library", "listFile"}, ...]} sorted by name, one entry per package (its last
# find_package call); unknown values are null. "location" is <Name>_DIR (config mode) or the Find module
# used; "library" the first existing library file a Find module set (<Name>_LIBRARY, <Name>_LIBRARIES:
# `devos sbom` finds the system package that owns it); "listFile" the CMakeLists.txt or .cmake file that
# called find_package (`devos deps` points there).
# It is rewritten only when its content changes, so gates that depend on it stay up to date.
cmake_minimum_required(VERSION 3.24)
include_guard(GLOBAL)

# "text" as a JSON string literal in `out`; null when `text` is empty.
function(_devos_json_string out text)
  if(text STREQUAL "")
    set(${out} "null" PARENT_SCOPE)
    return()
  endif()
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\n" "\\n" text "${text}")
  string(REPLACE "\t" "\\t" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# Records the result of find_package(<name> [version] ...), called in the caller's scope right after it.
function(_devos_record_dependency name)
  set(requested "")
  if(ARGC GREATER 1 AND ARGV1 MATCHES "^[0-9]+(\\.[0-9]+)*(\\.\\.\\.<?[0-9]+(\\.[0-9]+)*)?$")
    set(requested "${ARGV1}")
  endif()
  string(TOUPPER "${name}" upper)
  set(version "")
  foreach(var IN ITEMS ${name}_VERSION ${upper}_VERSION ${name}_VERSION_STRING ${upper}_VERSION_STRING)
    if(version STREQUAL "" AND DEFINED ${var})
      set(version "${${var}}")
    endif()
  endforeach()
  set(found false)
  if(${name}_FOUND OR ${upper}_FOUND)
    set(found true)
  endif()
  set(required false)
  if("REQUIRED" IN_LIST ARGN)
    set(required true)
  endif()
  set(location "${${name}_DIR}")
  if(location MATCHES "-NOTFOUND$")
    set(location "")
  endif()
  if(location STREQUAL "")
    foreach(dir IN LISTS CMAKE_MODULE_PATH CMAKE_ROOT)
      if(location STREQUAL "" AND EXISTS "${dir}/Find${name}.cmake")
        set(location "${dir}/Find${name}.cmake")
      elseif(location STREQUAL "" AND EXISTS "${dir}/Modules/Find${name}.cmake")
        set(location "${dir}/Modules/Find${name}.cmake")
      endif()
    endforeach()
  endif()
  set(library "")
  if("${${name}_CONFIG}" STREQUAL "")
    foreach(path IN LISTS ${name}_LIBRARY ${upper}_LIBRARY ${name}_LIBRARIES ${upper}_LIBRARIES)
      if(library STREQUAL "" AND IS_ABSOLUTE "${path}" AND EXISTS "${path}")
        set(library "${path}")
      endif()
    endforeach()
  endif()
  set(listFile "${CMAKE_CURRENT_LIST_FILE}")
  foreach(field IN ITEMS name requested version location library listFile)
    _devos_json_string(${field}_json "${${field}}")
  endforeach()
  _devos_json_string(config_json "${${name}_CONFIG}")
  set(entry "{\"name\": ${name_json}, \"requestedVersion\": ${requested_json}, \"version\": ${version_json}, ")
  string(APPEND entry "\"found\": ${found}, \"required\": ${required}, \"location\": ${location_json}, ")
  string(APPEND entry "\"config\": ${config_json}, \"library\": ${library_json}, \"listFile\": ${listFile_json}}")
  set_property(GLOBAL APPEND PROPERTY DEVOS_DEPENDENCY_NAMES "${name}")
  set_property(GLOBAL PROPERTY "DEVOS_DEPENDENCY_${name}" "${entry}")
endfunction()

# Writes ${CMAKE_BINARY_DIR}/devos/dependencies.json, only when its content changes.
function(_devos_write_dependencies)
  get_property(names GLOBAL PROPERTY DEVOS_DEPENDENCY_NAMES)
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  set(body "{\n  \"version\": 1,\n  \"dependencies\": [")
  set(separator "")
  foreach(name IN LISTS names)
    get_property(entry GLOBAL PROPERTY "DEVOS_DEPENDENCY_${name}")
    string(APPEND body "${separator}\n    ${entry}")
    set(separator ",")
  endforeach()
  string(APPEND body "\n  ]\n}\n")
  set(file "${CMAKE_BINARY_DIR}/devos/dependencies.json")
  file(WRITE "${file}.tmp" "${body}")
  file(COPY_FILE "${file}.tmp" "${file}" ONLY_IF_DIFFERENT)
  file(REMOVE "${file}.tmp")
endfunction()

# The provider. A macro, so the package's variables and imported targets land in the caller's scope;
# find_package(... BYPASS_PROVIDER) is CMake's own search.
macro(devos_provide_dependency method)
  find_package(${ARGN} BYPASS_PROVIDER)
  _devos_record_dependency(${ARGN})
endmacro()

cmake_language(SET_DEPENDENCY_PROVIDER devos_provide_dependency SUPPORTED_METHODS FIND_PACKAGE)
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _devos_write_dependencies)
