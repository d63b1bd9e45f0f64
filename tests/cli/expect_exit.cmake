# Runs a command and checks its exit code exactly, and optionally its output.
#
#   cmake -DEXPECTED_EXIT=2 [-DSTDOUT_REGEX=...] [-DSTDERR_REGEX=...] \
#         -P expect_exit.cmake -- <command> [args...]
#
# Fails (non-zero exit, with both outputs shown) when the code differs or a regular
# expression does not match.

cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED EXPECTED_EXIT)
  message(FATAL_ERROR "expect_exit.cmake: pass -DEXPECTED_EXIT=<code>")
endif()

# Everything after "--" is the command.
set(command "")
set(after_separator FALSE)
math(EXPR last_argument "${CMAKE_ARGC} - 1")
foreach(index RANGE 1 ${last_argument})
  if(after_separator)
    list(APPEND command "${CMAKE_ARGV${index}}")
  elseif(CMAKE_ARGV${index} STREQUAL "--")
    set(after_separator TRUE)
  endif()
endforeach()
if(NOT command)
  message(FATAL_ERROR "expect_exit.cmake: no command after --")
endif()

execute_process(COMMAND ${command}
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE standard_output
  ERROR_VARIABLE standard_error)

set(failures "")
if(NOT exit_code STREQUAL "${EXPECTED_EXIT}")
  string(APPEND failures "exit code ${exit_code}, expected ${EXPECTED_EXIT}\n")
endif()
if(DEFINED STDOUT_REGEX AND NOT standard_output MATCHES "${STDOUT_REGEX}")
  string(APPEND failures "stdout does not match: ${STDOUT_REGEX}\n")
endif()
if(DEFINED STDERR_REGEX AND NOT standard_error MATCHES "${STDERR_REGEX}")
  string(APPEND failures "stderr does not match: ${STDERR_REGEX}\n")
endif()

list(JOIN command " " command_line)
if(failures)
  message(FATAL_ERROR "${command_line}\n${failures}"
    "--- stdout ---\n${standard_output}--- stderr ---\n${standard_error}")
endif()
message(STATUS "${command_line}: exit ${exit_code} as expected")
