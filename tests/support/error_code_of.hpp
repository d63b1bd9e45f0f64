#pragma once
// Runs a callable and says which arrears::errc it threw (errc::ok when it threw nothing).

#include <arrears/core/error.hpp>

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

}  // namespace arrears::testing
