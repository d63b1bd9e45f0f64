#pragma once
// The random numbers of one simulated case: a stream that depends only on the seed, the case's
// index and what the numbers are for, never on which thread runs the case or in what order.

#include <arrears/sim/philox.hpp>

#include <cmath>
#include <cstdint>

namespace arrears::sim {

/// What a stream's numbers are for. Each source of randomness of a case has its own stream, so
/// that drawing more or fewer numbers for one purpose (a policy that calls twice, say) leaves
/// every other purpose's numbers unchanged: two strategies compared on the same seed then
/// face the same debtors (common random numbers). The values are part of the reproducibility
/// contract: never renumber, only add (16 bits).
enum class random_purpose : std::uint16_t {
  repayment_timing = 1,    ///< the unit exponentials that place each next repayment
  repayment_fraction = 2,  ///< the uniforms that choose what fraction of the balance is repaid
};

/// The n-th draw of (seed, case index, purpose) is Philox4x32-10 with key = the seed and
/// counter = {n bits 0-31, purpose << 16 | n bits 32-47, case index bits 0-31, bits 32-63}.
/// One block per draw; 2^48 draws per stream. The whole state is the draw index, so a case can
/// keep its place in a stream in four bytes and rebuild the stream when it next wakes up.
class random_stream {
 public:
  random_stream(std::uint64_t seed, std::uint64_t case_index, random_purpose purpose,
                std::uint64_t first_draw = 0) noexcept
      : seed_(seed), case_index_(case_index), purpose_(purpose), draw_(first_draw) {}

  /// 64 random bits.
  [[nodiscard]] std::uint64_t next_bits() noexcept {
    const std::uint64_t draw = draw_++;
    const philox_block out = philox4x32_10(
        {static_cast<std::uint32_t>(draw),
         static_cast<std::uint32_t>(static_cast<std::uint32_t>(purpose_) << 16 |
                                    ((draw >> 32) & 0xFFFFu)),
         static_cast<std::uint32_t>(case_index_), static_cast<std::uint32_t>(case_index_ >> 32)},
        {static_cast<std::uint32_t>(seed_), static_cast<std::uint32_t>(seed_ >> 32)});
    return std::uint64_t{out[0]} << 32 | out[1];
  }

  /// Uniform on [0, 1): the top 53 bits, so every value is a multiple of 2^-53.
  [[nodiscard]] double next_uniform() noexcept {
    return static_cast<double>(next_bits() >> 11) * 0x1p-53;
  }

  /// Exponential with mean 1, by inversion: -log(1 - u). 1 - u is exact (a multiple of 2^-53
  /// in (0, 1]), so the result is always finite and as accurate as log1p would make it.
  [[nodiscard]] double next_unit_exponential() noexcept { return -std::log(1 - next_uniform()); }

  /// How many numbers have been drawn (the index of the next one).
  [[nodiscard]] std::uint64_t draws() const noexcept { return draw_; }

 private:
  std::uint64_t seed_;
  std::uint64_t case_index_;
  random_purpose purpose_;
  std::uint64_t draw_;
};

}  // namespace arrears::sim
