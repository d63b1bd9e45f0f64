#pragma once
// One simulated debtor under the hawkes repayment model, and how it moves from one repayment
// to the next. Event-driven: a case sleeps until its next repayment; nothing happens per day.

#include <arrears/sim/hawkes_repayment_model.hpp>

#include <cstdint>
#include <optional>

namespace arrears::sim {

/// Everything kept about a case between its events: 32 bytes. The random streams are not
/// stored: the n-th repayment uses draw n of the case's repayment_timing and
/// repayment_fraction streams (random_stream.hpp), rebuilt from the seed and the case index.
struct hawkes_case {
  double day = 0;                        ///< of the last repayment; 0 at the start
  double intensity_per_day = 0;          ///< just after that repayment
  std::int64_t balance_minor_units = 0;  ///< still owed
  std::uint32_t repayments = 0;          ///< so far, and the index of the next draws
};
static_assert(sizeof(hawkes_case) == 32);

/// One repayment.
struct hawkes_repayment {
  double day;                       ///< since the start, fractional
  std::int64_t amount_minor_units;  ///< at least 1, at most the balance before it
};

/// What a repayment of `fraction` of `balance_minor_units` pays: the product rounded to the
/// nearest minor unit (halves away from zero), at least one minor unit and at most the
/// balance, so a balance that would drop below half a minor unit is paid off and every case
/// ends in finitely many repayments. `balance_minor_units` must be positive and at most 2^53.
[[nodiscard]] std::int64_t repayment_minor_units(std::int64_t balance_minor_units,
                                                 double fraction) noexcept;

/// Moves `debtor` to its next repayment and returns it, or returns nothing and leaves the case
/// unchanged when the balance is paid or the next repayment would come after `horizon_day`
/// (calling again then gives the same answer: the draws are those of repayment number
/// debtor.repayments).
[[nodiscard]] std::optional<hawkes_repayment> next_repayment(hawkes_case& debtor,
                                                             const hawkes_repayment_model& model,
                                                             double horizon_day, std::uint64_t seed,
                                                             std::uint64_t case_index) noexcept;

}  // namespace arrears::sim
