#pragma once
// Philox4x32-10: the counter-based block function of Salmon, Moraes, Dror and Shaw, "Parallel
// random numbers: as easy as 1, 2, 3" (SC 2011). A pure function from a 128-bit counter and a
// 64-bit key to 128 random bits, so any draw of any case can be computed directly, in any
// order, on any thread.

#include <array>
#include <cstdint>

namespace arrears::sim {

/// Four 32-bit words: the counter going in, the random bits coming out.
using philox_block = std::array<std::uint32_t, 4>;
/// Two 32-bit words.
using philox_key = std::array<std::uint32_t, 2>;

/// Philox4x32 with 10 rounds, bit for bit the published generator (tests/unit/sim_philox_test.cpp
/// checks the reference known-answer vectors).
[[nodiscard]] constexpr philox_block philox4x32_10(philox_block counter, philox_key key) noexcept {
  constexpr std::uint32_t multiplier_0 = 0xD2511F53u;
  constexpr std::uint32_t multiplier_1 = 0xCD9E8D57u;
  constexpr std::uint32_t weyl_0 = 0x9E3779B9u;  // the golden ratio
  constexpr std::uint32_t weyl_1 = 0xBB67AE85u;  // sqrt(3) - 1
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      key[0] += weyl_0;
      key[1] += weyl_1;
    }
    const std::uint64_t product_0 = std::uint64_t{multiplier_0} * counter[0];
    const std::uint64_t product_1 = std::uint64_t{multiplier_1} * counter[2];
    counter = {static_cast<std::uint32_t>(product_1 >> 32) ^ counter[1] ^ key[0],
               static_cast<std::uint32_t>(product_1),
               static_cast<std::uint32_t>(product_0 >> 32) ^ counter[3] ^ key[1],
               static_cast<std::uint32_t>(product_0)};
  }
  return counter;
}

}  // namespace arrears::sim
