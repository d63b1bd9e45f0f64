#pragma once
// Runs a callable and says which arrears::errc it threw (errc::ok when it threw nothing),
// or what it threw as "code_name: message" ("no error" when nothing).

#include <arrears/core/error.hpp>

#include <string>

namespace arrears::testing {

template <class Function>
errc error_code_of(Function function) {
  try {
    function();
  } catch (const arrears::error& e) {
    return e.code();
  }
  return errc::ok;
}

template <class Function>
std::string failure_of(Function function) {
  try {
    function();
  } catch (const arrears::error& e) {
    return std::string(error_name(e.code())) + ": " + e.what();
  }
  return "no error";
}

}  // namespace arrears::testing
