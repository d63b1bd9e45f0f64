#include <arrears/sim/hawkes_case.hpp>
#include <arrears/sim/random_stream.hpp>

#include <algorithm>
#include <cmath>

namespace arrears::sim {

std::int64_t repayment_minor_units(std::int64_t balance_minor_units, double fraction) noexcept {
  // Exact in double: the balance is at most 2^53 (hawkes_simulation_settings checks it).
  const std::int64_t rounded = std::llround(fraction * static_cast<double>(balance_minor_units));
  return std::clamp<std::int64_t>(rounded, 1, balance_minor_units);
}

std::optional<hawkes_repayment> next_repayment(hawkes_case& debtor,
                                               const hawkes_repayment_model& model,
                                               double horizon_day, std::uint64_t seed,
                                               std::uint64_t case_index) noexcept {
  if (debtor.balance_minor_units <= 0) return std::nullopt;
  random_stream timing(seed, case_index, random_purpose::repayment_timing, debtor.repayments);
  const double delay =
      model.delay_to_next_repayment(debtor.intensity_per_day, timing.next_unit_exponential());
  const double day = debtor.day + delay;
  if (!(day <= horizon_day)) return std::nullopt;  // also when there is no next repayment

  random_stream fractions(seed, case_index, random_purpose::repayment_fraction, debtor.repayments);
  const double fraction = model.repayment_fraction(fractions.next_uniform());
  const std::int64_t amount = repayment_minor_units(debtor.balance_minor_units, fraction);
  debtor.day = day;
  debtor.intensity_per_day = model.intensity_after_repayment(
      model.intensity_after(debtor.intensity_per_day, delay), fraction);
  debtor.balance_minor_units -= amount;
  ++debtor.repayments;
  return hawkes_repayment{day, amount};
}

}  // namespace arrears::sim
