#pragma once
// A fact read without a branch on its width: the eight bytes that hold it are loaded and
// shifted so that only the fact's own bytes are left, sign-extended. One loop can then read
// a rule's 4-byte day counts, 8-byte amounts and 1-byte flags alike.

#include "load_kind.hpp"

#include <arrears/policy/fact_schema.hpp>
#include <arrears/policy/facts.hpp>

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>

namespace arrears::detail::rules {

struct wide_read {
  fact_index fact = 0;
  std::uint8_t left = 0;   ///< shifts out the bytes above the fact
  std::uint8_t right = 0;  ///< then the bytes below it, extending its sign
  std::uint16_t at = 0;    ///< where the eight bytes start; at + 8 <= sizeof(facts)

  /// The read of fact `index` loaded as `load` from `offset`; empty for load_kind::slow and on
  /// machines that are not little-endian. A 1-byte fact is sign-extended, which is exact for
  /// booleans and for enumerations of fewer than 128 values (fact_load_kind checks).
  [[nodiscard]] static std::optional<wide_read> of(fact_index index, load_kind load,
                                                   std::uint16_t offset) noexcept {
    if constexpr (std::endian::native != std::endian::little) return std::nullopt;
    unsigned width = 0;
    switch (load) {
      case load_kind::i32:
        width = 4;
        break;
      case load_kind::i64:
        width = 8;
        break;
      case load_kind::u8:
        width = 1;
        break;
      case load_kind::slow:
        return std::nullopt;
    }
    // Start at the fact itself, or as late as the struct allows for the last few members.
    const unsigned at = offset + 8u <= sizeof(facts) ? offset : sizeof(facts) - 8u;
    const unsigned below = offset - at;  // bytes of the word below the fact
    wide_read r;
    r.fact = index;
    r.at = static_cast<std::uint16_t>(at);
    r.left = static_cast<std::uint8_t>(64u - 8u * (below + width));
    r.right = static_cast<std::uint8_t>(64u - 8u * width);
    return r;
  }

  [[nodiscard, gnu::always_inline]] std::int64_t value(const facts& f) const noexcept {
    std::uint64_t word;
    std::memcpy(&word, reinterpret_cast<const char*>(&f) + at, sizeof word);
    return static_cast<std::int64_t>(word << left) >> right;
  }
};
static_assert(sizeof(facts) >= 8);

}  // namespace arrears::detail::rules
