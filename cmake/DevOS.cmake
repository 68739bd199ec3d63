# devos_enable_gates([CONFIG <file>] [TARGETS <target>...] [TIER <0|1|2>])
#
# The tier (0 lightweight, 1 standard, 2 critical) has one source: the repo config's top-level
# `tier:` (CONFIG, else .devos/devos.yml; 1 without one), which the plugin, the gates and the
# self-heal loop read too. TIER, when given, only asserts it: a TIER the config does not say is a
# configure error naming the config's line. Editing the config re-runs the configure.
#
# Gates an adopting repo's first-party targets with DevOS:
# - with clang 19 the DevOS plugin runs inside every compile of a first-party C++ source, so
#   `cmake --build` fails at the offending line; with any other compiler each source gets a
#   `devos check --tu` Ninja edge (with a depfile) that the object waits for, so a g++ build stops
#   at the violation too;
# - `check-fast` and `check-full` targets run the tier's gates as Ninja edges with stamp files
#   (nothing re-runs when nothing changed), keep going past a failed gate, print one summary table
#   and write build/devos/{fast,full}.sarif and .junit.xml, and build/devos/report.html (`devos report`).
# Targets default to every target defined under the calling directory, minus imported, interface
# and utility targets, DevOS's own, FetchContent (_deps) and third-party folders. The call may stand
# anywhere in its directory (before the targets, as the README shows, or after them): the gates are
# wired when the top-level directory's processing ends. With nothing to gate, check-fast and
# check-full still exist and run the gates that need no target, and their layering row says so
# (failed at tier 1 and up, skipped at tier 0).
include_guard(GLOBAL)

set(DEVOS_THIRD_PARTY_DIRS "_deps;third_party;3rdparty;thirdparty;vendor;external" CACHE STRING
    "Folder names whose targets DevOS never gates")

function(_devos_targets_in dir out)
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    _devos_targets_in("${sub}" more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(_devos_is_gateable tgt out)
  set(${out} FALSE PARENT_SCOPE)
  get_target_property(type ${tgt} TYPE)
  get_target_property(imported ${tgt} IMPORTED)
  get_target_property(internal ${tgt} DEVOS_INTERNAL)
  if(imported OR internal OR type MATCHES "INTERFACE_LIBRARY|UTILITY|GLOBAL_TARGET")
    return()
  endif()
  get_target_property(dir ${tgt} SOURCE_DIR)
  file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${dir}")
  if(rel MATCHES "^\\.\\.")
    return()
  endif()
  foreach(part IN LISTS DEVOS_THIRD_PARTY_DIRS)
    if("/${rel}/" MATCHES "/${part}/")
      return()
    endif()
  endforeach()
  set(${out} TRUE PARENT_SCOPE)
endfunction()

# The first-party C++ sources of a target, as absolute paths (SKIP_LINTING ones left out).
function(_devos_cxx_sources tgt out)
  get_target_property(sources ${tgt} SOURCES)
  get_target_property(dir ${tgt} SOURCE_DIR)
  set(result "")
  foreach(src IN LISTS sources)
    if(src MATCHES "^\\$<" OR NOT src MATCHES "\\.(cpp|cc|cxx|C|c\\+\\+)$")
      continue()
    endif()
    cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY "${dir}" NORMALIZE OUTPUT_VARIABLE abs)
    get_source_file_property(skip "${abs}" TARGET_DIRECTORY ${tgt} SKIP_LINTING)
    if(skip)
      continue()
    endif()
    list(APPEND result "${abs}")
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# One gate level (fast, full): the report edge over its results and the check-<level> target.
function(_devos_add_gate_level level title cli cli_dep gate_dir)
  add_custom_command(OUTPUT "${gate_dir}/${level}.stamp"
    COMMAND ${cli} gate report --title "${title}" --sarif "${gate_dir}/${level}.sarif"
            --junit "${gate_dir}/${level}.junit.xml" --stamp "${gate_dir}/${level}.stamp"
            --report "${gate_dir}/report.html" --build-dir "${CMAKE_BINARY_DIR}" ${ARGN}
    DEPENDS ${ARGN} ${cli_dep}
    VERBATIM)
  add_custom_target(check-${level} DEPENDS "${gate_dir}/${level}.stamp")
  set_target_properties(check-${level} PROPERTIES DEVOS_INTERNAL TRUE)
endfunction()

# Coverage (FULL; seed §8: tier 2 tests reach 90%+ of the code): on at tier 2 unless DEVOS_COVERAGE
# says otherwise, off below unless DEVOS_COVERAGE=ON. When on, the gated targets are compiled and
# linked with --coverage (the link option also reaches whatever links them: the test binaries) and
# `out_tool` is the gcov that reads this compiler's counters; gcovr is DEVOS_GCOVR.
function(_devos_coverage_setup tier gated out_on out_tool)
  # Not a variable named `on`: if(on) tests the constant ON, true whatever the variable holds.
  if(DEFINED DEVOS_COVERAGE)
    set(measured ${DEVOS_COVERAGE})
  elseif(tier EQUAL 2)
    set(measured ON)
  else()
    set(measured OFF)
  endif()
  set(tool "")
  if(measured)
    string(REGEX MATCH "^[0-9]+" major "${CMAKE_CXX_COMPILER_VERSION}")
    find_program(DEVOS_GCOVR gcovr)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
      find_program(DEVOS_LLVM_COV NAMES llvm-cov-${major} llvm-cov)
      set(found "${DEVOS_LLVM_COV}")
      set(tool "${DEVOS_LLVM_COV} gcov")
      set(package "llvm-${major}")
    else()
      find_program(DEVOS_GCOV NAMES gcov-${major} gcov)
      set(found "${DEVOS_GCOV}")
      set(tool "${DEVOS_GCOV}")
      set(package "gcc-${major}")
    endif()
    if(NOT DEVOS_GCOVR OR NOT found)
      message(FATAL_ERROR "devos_enable_gates: coverage (tier 2, or DEVOS_COVERAGE=ON) needs gcovr and the gcov of "
                          "${CMAKE_CXX_COMPILER_ID} ${major}: apt-get install gcovr ${package} "
                          "(or configure with -DDEVOS_COVERAGE=OFF)")
    endif()
    # clang links --coverage against its profile runtime, a separate Debian package.
    include(CheckCXXSourceCompiles)
    set(CMAKE_REQUIRED_FLAGS --coverage)
    set(CMAKE_REQUIRED_LINK_OPTIONS --coverage)
    set(CMAKE_REQUIRED_QUIET ON)
    check_cxx_source_compiles("int main() { return 0; }" DEVOS_COVERAGE_LINKS)
    if(NOT DEVOS_COVERAGE_LINKS)
      set(runtime "")
      if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        set(runtime ": apt-get install libclang-rt-${major}-dev")
      endif()
      message(FATAL_ERROR "devos_enable_gates: coverage (tier 2, or DEVOS_COVERAGE=ON) cannot link a --coverage "
                          "program with ${CMAKE_CXX_COMPILER}${runtime} (or configure with -DDEVOS_COVERAGE=OFF)")
    endif()
    foreach(tgt IN LISTS gated)
      target_compile_options(${tgt} PRIVATE --coverage)
      target_link_options(${tgt} PUBLIC --coverage)
    endforeach()
  endif()
  set(${out_on} ${measured} PARENT_SCOPE)
  set(${out_tool} "${tool}" PARENT_SCOPE)
endfunction()

# What the cache says about the packages the configure resolved (the entries `devos deps` derives
# a record from, cmake_record.hpp), in `file`, rewritten only when it changes: the record gates
# re-run when a package changes, not on every configure.
function(_devos_write_dependency_inputs file)
  get_cmake_property(names CACHE_VARIABLES)
  list(SORT names)
  set(text "")
  foreach(name IN LISTS names)
    if(name MATCHES "^(FIND_PACKAGE_MESSAGE_DETAILS_|pkgcfg_lib_)|_(DIR|FOUND|VERSION|VERSION_STRING|LIBRARY|LIBRARY_RELEASE)$")
      string(APPEND text "${name}=$CACHE{${name}}\n")
    endif()
  endforeach()
  file(WRITE "${file}.tmp" "${text}")
  file(COPY_FILE "${file}.tmp" "${file}" ONLY_IF_DIFFERENT)
  file(REMOVE "${file}.tmp")
endfunction()

# A FULL gate over the dependency record: build/devos/dependencies.json when the DevOS dependency
# provider is in (exact: every find_package call as it resolved), else derived by the CLI from
# what CMake knows (the File API cache, codemodel and cmakeFiles replies); the table and the SARIF
# say which. Skipped visibly at tier 0. It runs after `after` (see the dependencies gate for why).
# Reads the caller's tier, cli, cli_dep, gate_dir and repo_config.
function(_devos_record_gate name result after)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "TIER0_REASON;COMMENT;BYPRODUCT" "RUN")
  if(tier EQUAL 0)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate skip --name ${name} --result "${result}" --reason "skipped: ${arg_TIER0_REASON}"
      DEPENDS "${after}" ${cli_dep} VERBATIM)
    return()
  endif()
  if(COMMAND devos_provide_dependency)
    set(source provider)
    set(note "dependency record: provider")
    set(inputs "${CMAKE_BINARY_DIR}/devos/dependencies.json")
  else()
    set(source cmake)
    set(note "dependency record: cmake cache + codemodel, no dependency provider")
    set(inputs "${gate_dir}/dependency-inputs.txt" "${gate_dir}/link-graph.txt")
    _devos_write_dependency_inputs("${gate_dir}/dependency-inputs.txt")
  endif()
  set(byproducts "")
  if(arg_BYPRODUCT)
    set(byproducts BYPRODUCTS "${arg_BYPRODUCT}")
  endif()
  add_custom_command(OUTPUT "${result}"
    ${byproducts}
    COMMAND ${cli} gate run --name ${name} --result "${result}" --sarif "${gate_dir}/${name}.sarif" --note "${note}"
            -- ${arg_RUN} --source ${source}
    DEPENDS ${inputs} ${repo_config} "${after}" ${cli_dep}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    COMMENT "${arg_COMMENT}"
    VERBATIM)
endfunction()

# The tier the repo config `config` sets (see the top of this file) in `out_tier`, and where it
# comes from in `out_where` ("<file>:<line>", or why it is the default). CMake reads only the
# top-level `tier:` line, by the rule foundation::parseTier applies: "0", "1" or "2" (quotes and a
# trailing comment allowed); any other value, a second `tier:` or a config CMake cannot read the
# tier from (a flow-style document) is a configure error naming the file and line.
function(_devos_config_tier config out_tier out_where)
  set(tier 1)
  if(NOT EXISTS "${config}")
    set(where "the default: there is no ${config}")
  else()
    file(READ "${config}" text)
    string(REGEX MATCHALL "(^|\n)[\"']?tier[\"']?[ \t]*:[^\n]*" keys "${text}")
    list(LENGTH keys count)
    if(count EQUAL 0)
      if(text MATCHES "^([ \t\r]*(#[^\n]*)?\n)*[ \t]*{")
        message(FATAL_ERROR "devos_enable_gates: ${config}: the config is one flow-style mapping ({...}); "
                            "write its top level in block style (one `key: value` per line) so that CMake "
                            "can read `tier:`")
      endif()
      set(where "the default: ${config} sets no tier")
    else()
      list(GET keys 0 key)
      string(FIND "${text}" "${key}" at)
      string(SUBSTRING "${text}" 0 ${at} before)
      string(REGEX REPLACE "[^\n]" "" newlines "${before}${key}")
      string(LENGTH "${newlines}" line)
      math(EXPR line "${line} + 1")
      if(count GREATER 1)
        message(FATAL_ERROR "devos_enable_gates: ${config}:${line}: `tier:` is set more than once; keep one")
      endif()
      string(REGEX REPLACE "^\n?[^:]*:" "" value "${key}")
      if(NOT value MATCHES "^[ \t]*(\"([012])\"|'([012])'|([012]))[ \t\r]*(#.*)?$")
        string(STRIP "${value}" value)
        message(FATAL_ERROR "devos_enable_gates: ${config}:${line}: tier must be 0, 1 or 2, not '${value}' "
                            "(tier 0: lightweight, 1: standard, 2: critical)")
      endif()
      set(tier "${CMAKE_MATCH_2}${CMAKE_MATCH_3}${CMAKE_MATCH_4}")
      set(where "${config}:${line}")
    endif()
  endif()
  set(${out_tier} ${tier} PARENT_SCOPE)
  set(${out_where} "${where}" PARENT_SCOPE)
endfunction()

# The files the policy is read from: the repo config `config` (when it exists) and the lists its
# `purity: include:` names (flow `[a, b]` or block `- a` style, relative to the config's folder), in
# `out_files`; a hash of their contents in `out_hash`. Only a rebuild trigger: the plugin and
# `devos check` read the files themselves.
function(_devos_policy_files config out_files out_hash)
  set(files "")
  set(contents "")
  if(EXISTS "${config}")
    list(APPEND files "${config}")
    file(READ "${config}" text)
    string(APPEND contents "${text}")
    cmake_path(GET config PARENT_PATH base)
    set(names "")
    if(text MATCHES "\n[ \t]+include:[ \t]*\\[([^]]*)\\]")
      string(REPLACE "," ";" names "${CMAKE_MATCH_1}")
    elseif(text MATCHES "\n[ \t]+include:[ \t]*\n(([ \t]+-[^\n]*\n)+)")
      string(REGEX REPLACE "[ \t]*-([^\n]*)\n" "\\1;" names "${CMAKE_MATCH_1}")
    endif()
    foreach(name IN LISTS names)
      string(STRIP "${name}" name)
      string(REGEX REPLACE "^[\"'](.*)[\"']$" "\\1" name "${name}")
      if(name STREQUAL "")
        continue()
      endif()
      cmake_path(ABSOLUTE_PATH name BASE_DIRECTORY "${base}" NORMALIZE OUTPUT_VARIABLE included)
      if(EXISTS "${included}")
        list(APPEND files "${included}")
        file(READ "${included}" more)
        string(APPEND contents "${more}")
      endif()
    endforeach()
  endif()
  string(SHA256 hash "${contents}")
  string(SUBSTRING "${hash}" 0 16 hash)
  set(${out_files} ${files} PARENT_SCOPE)
  set(${out_hash} ${hash} PARENT_SCOPE)
endfunction()

# The settings devos_enable_gates records for _devos_apply_gates (global properties DEVOS_GATES_<key>;
# a function, not a variable: the two run in different directory scopes).
function(_devos_gate_setting_keys out)
  set(${out} tier config repo_config dir targets cli cli_dep plugin plugin_target mode policy_files policy_hash
      PARENT_SCOPE)
endfunction()

# Checks the call and records its settings; the gates are wired by _devos_apply_gates when the
# top-level directory's processing ends, so every target is defined by then wherever the call
# stands: before add_library/add_executable, after them, or in a parent of the directories that
# define them. What depends on the calling directory (the CLI's imported target, the compiler, the
# CONFIG path) is resolved here.
function(devos_enable_gates)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TIER;CONFIG" "TARGETS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "devos_enable_gates: unknown arguments ${arg_UNPARSED_ARGUMENTS}; "
                        "usage: devos_enable_gates([CONFIG <file>] [TARGETS <target>...] [TIER <0|1|2>])")
  endif()
  if(DEFINED arg_TIER AND NOT arg_TIER MATCHES "^[012]$")
    message(FATAL_ERROR "devos_enable_gates: TIER must be 0, 1 or 2 (got '${arg_TIER}'): "
                        "0 lightweight, 1 standard, 2 critical")
  endif()
  set(config "")
  if(arg_CONFIG)
    cmake_path(ABSOLUTE_PATH arg_CONFIG BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" OUTPUT_VARIABLE config)
    if(NOT EXISTS "${config}")
      message(FATAL_ERROR "devos_enable_gates: CONFIG file ${config} does not exist")
    endif()
  endif()
  # The tier: the repo config's (the one source); TIER only asserts it.
  set(repo_config "${config}")
  if(NOT repo_config)
    set(repo_config "${CMAKE_SOURCE_DIR}/.devos/devos.yml")
  endif()
  _devos_config_tier("${repo_config}" tier tier_from)
  if(DEFINED arg_TIER AND NOT arg_TIER EQUAL tier)
    message(FATAL_ERROR "devos_enable_gates: TIER ${arg_TIER} in ${CMAKE_CURRENT_LIST_FILE} is not the repo "
                        "config's tier ${tier} (${tier_from}). The tier has one source, the config: set "
                        "`tier: ${arg_TIER}` in ${repo_config} and drop TIER from the call")
  endif()
  # An edit to the policy re-runs the configure, which changes the plugin's policy-hash argument (so
  # Ninja, and ccache, compile every gated source again under the new rules) and re-runs the
  # `devos check --tu` edges that depend on the files.
  _devos_policy_files("${repo_config}" policy_files policy_hash)
  if(policy_files)
    set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${policy_files})
  endif()
  if(NOT EXISTS "${repo_config}")
    set(repo_config "") # the gates' edges depend on the config only when there is one
  endif()
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}")
  set(targets ${arg_TARGETS})

  # Called twice (an included file, a subproject that gates itself): the same settings are wired
  # once; other settings are an error, since one build has one check-fast and one check-full.
  set(call "")
  if(config)
    string(APPEND call " CONFIG ${config}")
  endif()
  if(targets)
    string(REPLACE ";" " " targets_text "${targets}")
    string(APPEND call " TARGETS ${targets_text}")
  endif()
  if(DEFINED arg_TIER)
    string(APPEND call " TIER ${arg_TIER}")
  endif()
  string(STRIP "${call}" call)
  set(call "devos_enable_gates(${call}) in ${CMAKE_CURRENT_LIST_FILE}")
  get_property(first GLOBAL PROPERTY DEVOS_GATES_CALL)
  if(first)
    get_property(first_settings GLOBAL PROPERTY DEVOS_GATES_SETTINGS)
    if(first_settings STREQUAL "${tier}|${config}|${dir}|${targets}")
      return()
    endif()
    message(FATAL_ERROR "devos_enable_gates: called again with other settings: ${call}; the first call was "
                        "${first}. A build has one set of gates: call devos_enable_gates once, in the directory "
                        "above every target to gate (or name them with TARGETS)")
  endif()
  set_property(GLOBAL PROPERTY DEVOS_GATES_CALL "${call}")
  set_property(GLOBAL PROPERTY DEVOS_GATES_SETTINGS "${tier}|${config}|${dir}|${targets}")

  # The CLI and the plugin: from this build (add_subdirectory / FetchContent) or the package (an
  # imported target, visible only below the directory that called find_package).
  if(TARGET devos AND TARGET DevOSPlugin)
    set(cli "$<TARGET_FILE:devos>")
    set(cli_dep devos)
    set(plugin "${DEVOS_PLUGIN_PATH}")
    set(plugin_target DevOSPlugin)
  elseif(TARGET DevOS::devos)
    get_target_property(cli_path DevOS::devos LOCATION)
    set(cli "${cli_path}")
    set(cli_dep "${cli_path}")
    set(plugin "")
    if(TARGET DevOS::plugin)
      get_target_property(plugin DevOS::plugin LOCATION)
    endif()
    set(plugin_target "")
  else()
    message(FATAL_ERROR "devos_enable_gates: DevOS is not available; call find_package(DevOS 1.0 REQUIRED) first")
  endif()

  set(mode check)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 19
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 20 AND plugin)
    set(mode plugin)
    if(NOT plugin_target AND NOT EXISTS "${plugin}")
      message(FATAL_ERROR "devos_enable_gates: the DevOS plugin ${plugin} is missing; reinstall DevOS")
    endif()
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(STATUS "DevOS: clang ${CMAKE_CXX_COMPILER_VERSION} cannot load the plugin (built for clang 19); "
                   "using devos check edges instead")
  endif()

  find_program(DEVOS_CLANG_FORMAT NAMES clang-format-19 clang-format)
  if(tier EQUAL 2 AND NOT DEVOS_CLANG_FORMAT)
    message(FATAL_ERROR "devos_enable_gates: tier 2 requires clang-format (apt-get install clang-format-19)")
  endif()

  _devos_gate_setting_keys(keys)
  foreach(key IN LISTS keys)
    set_property(GLOBAL PROPERTY DEVOS_GATES_${key} "${${key}}")
  endforeach()
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _devos_apply_gates)
endfunction()

# Wires the recorded gates (see devos_enable_gates), in the top-level directory's scope.
function(_devos_apply_gates)
  _devos_gate_setting_keys(keys)
  foreach(key IN LISTS keys)
    get_property(${key} GLOBAL PROPERTY DEVOS_GATES_${key})
  endforeach()
  set(config_args "")
  set(plugin_config "")
  if(config)
    set(config_args --config "${config}")
    set(plugin_config "-fplugin-arg-devos-config=${config}")
  endif()

  if(targets)
    set(candidates ${targets})
  else()
    _devos_targets_in("${dir}" candidates)
  endif()
  set(gate_dir "${CMAKE_BINARY_DIR}/devos")
  set(gated "")
  set(summary_args "")
  set(summary_deps "")
  set(all_sources "")
  foreach(tgt IN LISTS candidates)
    if(NOT TARGET ${tgt})
      message(FATAL_ERROR "devos_enable_gates: TARGETS names '${tgt}', which is not a target")
    endif()
    _devos_is_gateable(${tgt} ok)
    if(NOT ok)
      continue()
    endif()
    _devos_cxx_sources(${tgt} sources)
    if(NOT sources)
      continue()
    endif()
    list(APPEND gated ${tgt})
    list(APPEND all_sources ${sources})
    if(mode STREQUAL "plugin")
      foreach(src IN LISTS sources)
        set_property(SOURCE "${src}" TARGET_DIRECTORY ${tgt} APPEND PROPERTY COMPILE_OPTIONS
                     "-fplugin=${plugin}" "-fplugin-arg-devos-root=${CMAKE_SOURCE_DIR}" ${plugin_config}
                     "-fplugin-arg-devos-policy-hash=${policy_hash}")
        set_property(SOURCE "${src}" TARGET_DIRECTORY ${tgt} APPEND PROPERTY OBJECT_DEPENDS "${plugin}")
      endforeach()
      if(plugin_target)
        add_dependencies(${tgt} ${plugin_target})
      endif()
      file(GENERATE OUTPUT "${gate_dir}/objects/${tgt}.txt" CONTENT "$<JOIN:$<TARGET_OBJECTS:${tgt}>,\n>\n")
      list(APPEND summary_args --objects-list "${gate_dir}/objects/${tgt}.txt")
      list(APPEND summary_deps ${tgt})
    else()
      set_target_properties(${tgt} PROPERTIES EXPORT_COMPILE_COMMANDS ON)
      set(stamps "")
      foreach(src IN LISTS sources)
        file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${src}")
        set(stamp "${gate_dir}/tu/${tgt}/${rel}.json")
        add_custom_command(OUTPUT "${stamp}"
          COMMAND ${cli} check -p "${CMAKE_BINARY_DIR}" --root "${CMAKE_SOURCE_DIR}" ${config_args}
                  --tu "${src}" --summary "${stamp}" --depfile "${stamp}.d"
          DEPENDS "${src}" ${cli_dep} ${policy_files}
          DEPFILE "${stamp}.d"
          COMMENT "DevOS check ${rel}"
          VERBATIM)
        list(APPEND stamps "${stamp}")
      endforeach()
      add_custom_target(devos_check_${tgt} DEPENDS ${stamps})
      set_target_properties(devos_check_${tgt} PROPERTIES DEVOS_INTERNAL TRUE)
      add_dependencies(${tgt} devos_check_${tgt})
      list(APPEND summary_args ${stamps})
      list(APPEND summary_deps ${stamps} ${tgt})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES all_sources)
  set(advisory "")
  if(tier EQUAL 0)
    set(advisory --advisory) # tier 0 may not fully adopt the layers: reported, not required
  endif()
  if(gated)
    string(REPLACE ";" " " gated_text "${gated}")
    message(STATUS "DevOS gates: tier ${tier}, ${mode} mode, targets: ${gated_text}")
  else()
    # Nothing to gate is never silent: a warning here, and the layering row of check-fast and
    # check-full says so (failed at tier 1 and up, skipped at tier 0); the other gates still run.
    string(CONCAT nothing "nothing to gate: no first-party C++ target under ${dir} (imported, interface and utility "
                "targets, DevOS's own, FetchContent and third-party folders and targets without C++ sources "
                "are never gated); define the targets under that directory or name them with "
                "devos_enable_gates(TARGETS ...)")
    message(WARNING "devos_enable_gates: ${nothing}")
  endif()

  _devos_coverage_setup(${tier} "${gated}" coverage gcov_tool)

  # format: one edge per file, keyed on that file and the repo's .clang-format.
  set(fast_results "")
  set(result "${gate_dir}/format.json")
  if(NOT all_sources)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate skip --name format --result "${result}" --reason "skipped: no first-party C++ source"
      DEPENDS ${cli_dep} VERBATIM)
    list(APPEND fast_results "${result}")
  elseif(EXISTS "${CMAKE_SOURCE_DIR}/.clang-format" AND DEVOS_CLANG_FORMAT)
    foreach(src IN LISTS all_sources)
      file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${src}")
      set(result "${gate_dir}/format/${rel}.json")
      add_custom_command(OUTPUT "${result}"
        COMMAND ${cli} gate run --name format --result "${result}" --diagnostics
                -- "${DEVOS_CLANG_FORMAT}" --dry-run --Werror --style=file "${src}"
        DEPENDS "${src}" "${CMAKE_SOURCE_DIR}/.clang-format" ${cli_dep}
        WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
        COMMENT "DevOS format ${rel}"
        VERBATIM)
      list(APPEND fast_results "${result}")
    endforeach()
  elseif(tier EQUAL 2)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate fail --name format --result "${result}"
              --reason "tier 2 requires a .clang-format at the repo root"
      DEPENDS ${cli_dep} VERBATIM)
    list(APPEND fast_results "${result}")
  else()
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate skip --name format --result "${result}" --reason "skipped: no .clang-format"
      DEPENDS ${cli_dep} VERBATIM)
    list(APPEND fast_results "${result}")
  endif()

  # layering + purity: every TU's findings and cross-TU purity, from the effect summaries.
  set(result "${gate_dir}/layering.json")
  if(gated)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate run --name layering --result "${result}" --sarif "${gate_dir}/layering.sarif" ${advisory}
              -- ${cli} link --root "${CMAKE_SOURCE_DIR}" ${config_args} --sarif-output "${gate_dir}/layering.sarif"
                 ${summary_args}
      DEPENDS ${summary_deps} ${cli_dep}
      COMMENT "DevOS layering and purity"
      VERBATIM)
  elseif(tier EQUAL 0)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate skip --name layering --result "${result}" --reason "skipped: ${nothing}"
      DEPENDS ${cli_dep} VERBATIM)
  else()
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate fail --name layering --result "${result}" --reason "${nothing}"
      DEPENDS ${cli_dep} VERBATIM)
  endif()
  list(APPEND fast_results "${result}")

  # unit tests: ctest -L unit, results as JUnit; with coverage, from zeroed counters.
  set(result "${gate_dir}/unit-tests.json")
  set(reset_counters "")
  if(coverage)
    set(reset_counters COMMAND ${cli} coverage --reset -p "${CMAKE_BINARY_DIR}")
  endif()
  add_custom_command(OUTPUT "${result}"
    ${reset_counters}
    COMMAND ${cli} gate run --name unit-tests --result "${result}"
            -- "${CMAKE_CTEST_COMMAND}" --test-dir "${CMAKE_BINARY_DIR}" -L unit --no-tests=ignore
               --output-junit "${gate_dir}/unit-tests.junit.xml"
    DEPENDS ${gated} ${cli_dep}
    COMMENT "DevOS unit tests"
    VERBATIM)
  list(APPEND fast_results "${result}")

  _devos_add_gate_level(fast "FAST gate (tier ${tier})" "${cli}" "${cli_dep}" "${gate_dir}" ${fast_results})

  # FULL = FAST + the gates that look at the whole build: target-level layering from the CMake File
  # API codemodel (the query is written here; its reply appears after the next configure, which the
  # gate runs itself when the reply is missing).
  # CMake reads queries before it configures, so the configure that first writes the query cannot
  # answer it; the gate would then re-run CMake in the middle of the build, and CMake's rewrite of
  # .ninja_log would lose the entries of edges finishing around it. Instead Ninja re-runs CMake once
  # when the next build starts, before any edge: the first configure adds a configure dependency
  # stamped a minute ahead; the next one answers the query and no longer adds it.
  # The dependency gates read the cache and the project's CMake files from the same reply.
  set(queries_written FALSE)
  foreach(query codemodel-v2 cache-v2 cmakeFiles-v1)
    if(NOT EXISTS "${CMAKE_BINARY_DIR}/.cmake/api/v1/query/${query}")
      file(WRITE "${CMAKE_BINARY_DIR}/.cmake/api/v1/query/${query}" "")
      set(queries_written TRUE)
    endif()
  endforeach()
  if(queries_written)
    set(pending "${gate_dir}/codemodel-pending.stamp")
    file(WRITE "${pending}" "")
    string(TIMESTAMP now "%s" UTC)
    math(EXPR later "${now} + 60")
    execute_process(COMMAND touch -d "@${later}" "${pending}" RESULT_VARIABLE touched OUTPUT_QUIET ERROR_QUIET)
    if(touched EQUAL 0)
      set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${pending}")
    endif()
  endif()
  # The gate re-runs when the link graph changes, not on every configure (its own --refresh
  # configures once): file(GENERATE) rewrites this file only when its content changes.
  set(link_graph "")
  foreach(tgt IN LISTS gated)
    string(APPEND link_graph "${tgt}: $<TARGET_PROPERTY:${tgt},LINK_LIBRARIES>\n")
  endforeach()
  file(GENERATE OUTPUT "${gate_dir}/link-graph.txt" CONTENT "${link_graph}")
  set(full_results ${fast_results})
  set(result "${gate_dir}/targets.json")
  add_custom_command(OUTPUT "${result}"
    COMMAND ${cli} gate run --name targets --result "${result}" --sarif "${gate_dir}/targets.sarif" ${advisory}
            -- ${cli} targets -p "${CMAKE_BINARY_DIR}" --root "${CMAKE_SOURCE_DIR}" ${config_args}
               --refresh --cmake "${CMAKE_COMMAND}" --sarif-output "${gate_dir}/targets.sarif"
    DEPENDS "${gate_dir}/link-graph.txt" ${cli_dep}
    COMMENT "DevOS target layering (CMake File API)"
    VERBATIM)
  list(APPEND full_results "${result}")

  # dependencies: the versions find_package resolved against the repo's floors and bans (seed §8:
  # tier 1 and up). The record comes from the DevOS dependency provider when it was injected at the
  # first project(), else from what CMake knows (see _devos_record_gate). It runs after the targets gate, as every FULL-only gate does: that gate's first run may
  # re-configure, and CMake then rewrites .ninja_log under the running Ninja. Ninja opens its log
  # at the first edge that finishes, so when another edge of the run finished before the rewrite,
  # every edge that finishes after it (the targets gate's own included) loses its entry and runs
  # again next time; when the targets gate is the first to finish, nothing is lost.
  set(targets_result "${result}")
  set(result "${gate_dir}/dependencies-gate.json") # dependencies.json is the record itself
  _devos_record_gate(dependencies "${result}" "${targets_result}"
    TIER0_REASON "tier 0 has no dependency policy"
    COMMENT "DevOS dependency floors and bans"
    RUN ${cli} deps -p "${CMAKE_BINARY_DIR}" --root "${CMAKE_SOURCE_DIR}" ${config_args}
        --sarif-output "${gate_dir}/dependencies.sarif")
  list(APPEND full_results "${result}")

  # sbom: an SPDX 2.3 SBOM of the resolved packages (build/devos/sbom.spdx.json) and the repo's
  # license policy against it (seed §8: SBOM + license checks). Same record, same tiers as the
  # dependencies gate, and after it, for the same reason.
  set(dependencies_result "${result}")
  set(result "${gate_dir}/sbom.json")
  set(sbom "${CMAKE_BINARY_DIR}/devos/sbom.spdx.json")
  _devos_record_gate(sbom "${result}" "${dependencies_result}"
    TIER0_REASON "tier 0 has no license policy"
    COMMENT "DevOS SBOM and license policy" BYPRODUCT "${sbom}"
    RUN ${cli} sbom -p "${CMAKE_BINARY_DIR}" --root "${CMAKE_SOURCE_DIR}" ${config_args} -o "${sbom}"
        --sarif-output "${gate_dir}/sbom.sarif")
  list(APPEND full_results "${result}")

  # secrets and files: `devos scan` over the files git tracks (seed §9.2 FULL: secret scan,
  # file-type compliance; tier 1 and up). The scan's depfile names every file it read (and, where
  # git tracks nothing, every folder), and the git index is an input too: an edit or a newly
  # tracked file re-runs the gates, an unchanged tree does not. Like dependencies, they run after
  # the targets gate (see there), so they also re-run when it does (a changed link graph).
  set(scan_inputs ${repo_config} "${targets_result}" ${cli_dep})
  execute_process(COMMAND git -C "${CMAKE_SOURCE_DIR}" rev-parse --absolute-git-dir
                  OUTPUT_VARIABLE git_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE git_rc)
  if(git_rc EQUAL 0 AND EXISTS "${git_dir}/index")
    list(APPEND scan_inputs "${git_dir}/index")
  endif()
  foreach(part secrets files)
    set(result "${gate_dir}/${part}.json")
    if(tier EQUAL 0)
      add_custom_command(OUTPUT "${result}"
        COMMAND ${cli} gate skip --name ${part} --result "${result}" --reason "skipped: tier 0 has no ${part} scan"
        DEPENDS "${targets_result}" ${cli_dep} VERBATIM)
    else()
      add_custom_command(OUTPUT "${result}"
        COMMAND ${cli} gate run --name ${part} --result "${result}" --sarif "${gate_dir}/${part}.sarif"
                -- ${cli} scan ${part} --root "${CMAKE_SOURCE_DIR}" -p "${CMAKE_BINARY_DIR}" ${config_args}
                   --sarif-output "${gate_dir}/${part}.sarif" --depfile "${result}.d" --depfile-target "${result}"
        DEPENDS ${scan_inputs}
        DEPFILE "${result}.d"
        WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
        COMMENT "DevOS ${part} scan"
        VERBATIM)
    endif()
    list(APPEND full_results "${result}")
  endforeach()

  # coverage: the unit tests' line coverage against .devos/devos.yml `thresholds.coverage` (tier 2:
  # 90 when unset). It reads the counters the unit-tests gate left, so it runs after it (and after
  # the sbom gate, for the targets gate's reason above).
  set(unit_tests_result "${gate_dir}/unit-tests.json")
  set(previous_result "${result}")
  set(result "${gate_dir}/coverage.json")
  if(coverage)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate run --name coverage --result "${result}" --sarif "${gate_dir}/coverage.sarif"
              -- ${cli} coverage -p "${CMAKE_BINARY_DIR}" --root "${CMAKE_SOURCE_DIR}" ${config_args}
                 --gcov "${gcov_tool}" --gcovr "${DEVOS_GCOVR}" --sarif-output "${gate_dir}/coverage.sarif"
      DEPENDS "${unit_tests_result}" ${repo_config} "${previous_result}" ${cli_dep}
      WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
      COMMENT "DevOS coverage"
      VERBATIM)
  elseif(tier EQUAL 2)
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate fail --name coverage --result "${result}"
              --reason "tier 2 requires coverage: configure without -DDEVOS_COVERAGE=OFF"
      DEPENDS "${previous_result}" ${cli_dep} VERBATIM)
  else()
    add_custom_command(OUTPUT "${result}"
      COMMAND ${cli} gate skip --name coverage --result "${result}"
              --reason "skipped: coverage not measured (configure with -DDEVOS_COVERAGE=ON)"
      DEPENDS "${previous_result}" ${cli_dep} VERBATIM)
  endif()
  list(APPEND full_results "${result}")
  _devos_add_gate_level(full "FULL gate (tier ${tier})" "${cli}" "${cli_dep}" "${gate_dir}" ${full_results})
endfunction()
