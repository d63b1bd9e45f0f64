#pragma once
// A decision of one action, parameters to be set by the test.

#include <arrears/policy/decision.hpp>

namespace arrears::testing {

inline decision deciding(action kind) {
  decision d;
  d.kind = kind;
  return d;
}

}  // namespace arrears::testing
