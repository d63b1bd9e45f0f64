#pragma once
// Counts heap allocations in the alloc test program: allocation_counter.cpp replaces every
// form of the global operator new with one that counts, so a test can check that a call
// allocates nothing. Only for the arrears_alloc_tests executable (tests/alloc/*.cpp), which
// is not built with sanitizers (AddressSanitizer replaces operator new itself).

#include <cstddef>

namespace arrears::testing {

/// How many times any global operator new (plain, array, nothrow, aligned) has been called
/// in this program so far.
[[nodiscard]] std::size_t allocations() noexcept;

/// The number of allocations `call()` makes. Run the call once before measuring, so that
/// one-time initialisation (function-local statics) is not counted.
template <class Call>
[[nodiscard]] std::size_t allocations_during(Call&& call) {
  const std::size_t before = allocations();
  call();
  return allocations() - before;
}

}  // namespace arrears::testing
