#pragma once
// How the compiled rules read a fact.

#include <cstdint>

namespace arrears::detail::rules {

/// How a fact's value is read from `facts`: a 4-byte int, the 8-byte minor units at the
/// start of a `money`, a 1-byte bool or enumeration, or (for a fact of any other layout)
/// through read_fact.
enum class load_kind : std::uint8_t { i32, i64, u8, slow };

}  // namespace arrears::detail::rules
