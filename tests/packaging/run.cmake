# packaging.find_package: install the current build into a fresh prefix, then configure,
# build and run tests/packaging/consumer against it with find_package(arrears), the way an
# outside project would. Any failing step fails the test with its full output.
#
# Variables (set by tests/CMakeLists.txt): ARREARS_BUILD_DIR, CONFIG, WORK_DIR,
# CONSUMER_SOURCE_DIR, GENERATOR, MAKE_PROGRAM, CXX_COMPILER, SANITIZER_FLAGS (space
# separated, empty unless ARREARS_SANITIZE), EXPECTED_VERSION, CHECK_CLI.

cmake_minimum_required(VERSION 3.25)

foreach(required IN ITEMS ARREARS_BUILD_DIR WORK_DIR CONSUMER_SOURCE_DIR GENERATOR
                          CXX_COMPILER EXPECTED_VERSION)
  if(NOT DEFINED ${required} OR "${${required}}" STREQUAL "")
    message(FATAL_ERROR "packaging test: ${required} is not set")
  endif()
endforeach()

set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer-build)
# Start clean: a stale prefix could hide a file that is no longer installed.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# Runs one step; on failure stops the test, naming the step and showing its output.
function(step description)
  message(STATUS "packaging test: ${description}")
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output
    ECHO_OUTPUT_VARIABLE ECHO_ERROR_VARIABLE)
  if(NOT result EQUAL 0)
    list(JOIN ARGN " " command_line)
    message(FATAL_ERROR
      "packaging test: ${description} FAILED (exit ${result})\n  command: ${command_line}")
  endif()
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

set(config_arguments "")
if(CONFIG)
  set(config_arguments --config ${CONFIG})
endif()

# (a) install
step("install the build into ${prefix}"
  ${CMAKE_COMMAND} --install ${ARREARS_BUILD_DIR} --prefix ${prefix} ${config_arguments})

# (b) configure, build and run the consumer. A sanitized static library needs the
# sanitizer runtime at link time, so the consumer gets the same flags.
set(configure_arguments
  -S ${CONSUMER_SOURCE_DIR}
  -B ${consumer_build}
  -G ${GENERATOR}
  -DCMAKE_PREFIX_PATH=${prefix}
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  "-DCMAKE_CXX_FLAGS=${SANITIZER_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${SANITIZER_FLAGS}"
  # Never pick up an arrears from the user package registry or a system prefix first.
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(MAKE_PROGRAM)
  list(APPEND configure_arguments -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
if(CONFIG)
  list(APPEND configure_arguments -DCMAKE_BUILD_TYPE=${CONFIG})
endif()
step("configure the consumer" ${CMAKE_COMMAND} ${configure_arguments})

# It must have found the package just installed, not some other copy.
file(STRINGS ${consumer_build}/CMakeCache.txt arrears_dir_line REGEX "^arrears_DIR:")
string(REGEX REPLACE "^arrears_DIR:[A-Z]+=" "" found_arrears_dir "${arrears_dir_line}")
file(REAL_PATH ${prefix} real_prefix)
file(REAL_PATH "${found_arrears_dir}" real_found_dir)
cmake_path(IS_PREFIX real_prefix "${real_found_dir}" found_in_prefix)
if(NOT found_in_prefix)
  message(FATAL_ERROR
    "packaging test: the consumer found arrears in '${found_arrears_dir}', not under ${prefix}")
endif()

step("build the consumer" ${CMAKE_COMMAND} --build ${consumer_build} ${config_arguments})

set(consumer ${consumer_build}/arrears_consumer)
if(CONFIG AND NOT EXISTS ${consumer})
  set(consumer ${consumer_build}/${CONFIG}/arrears_consumer)  # multi-config generators
endif()
step("run the consumer" ${consumer})
if(NOT step_output MATCHES "12\\.34 EUR")
  message(FATAL_ERROR "packaging test: consumer output lacks '12.34 EUR':\n${step_output}")
endif()

# The installed tool runs from its new place too.
if(CHECK_CLI)
  step("run the installed arrears --version" ${prefix}/bin/arrears --version)
  if(NOT step_output MATCHES "^arrears ${EXPECTED_VERSION}")
    message(FATAL_ERROR "packaging test: unexpected version output: ${step_output}")
  endif()
endif()

message(STATUS "packaging test: passed")
