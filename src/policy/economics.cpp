// Expected net recovery of the agency and legal routes.

#include <arrears/core/error.hpp>
#include <arrears/core/rounding.hpp>
#include <arrears/policy/economics.hpp>

#include <cstdint>

namespace arrears {
namespace {

constexpr std::int64_t ppm_one = 1'000'000;

/// a x b / Denominator rounded half away from zero. The denominator is a constant, so the
/// common case (a x b fits in 64 bits) divides by multiplication; the rest goes through
/// mul_div_round_half_up. Derivation runs this for every case on every review.
template <std::int64_t Denominator>
[[gnu::always_inline]] inline std::int64_t scaled(std::int64_t a, std::int64_t b) {
  static_assert(Denominator > 0 && Denominator % 2 == 0);
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product) || product > INT64_MAX - Denominator ||
      product < -(INT64_MAX - Denominator))
    return mul_div_round_half_up(a, b, Denominator);
  constexpr std::int64_t half = Denominator / 2;
  return product >= 0 ? (product + half) / Denominator : -((-product + half) / Denominator);
}

/// `amount` discounted over `months` at `annual`: amount x (1 - annual x months / 12),
/// floored at zero for absurd inputs (simple discounting; the periods are short).
[[gnu::always_inline]] inline money discounted(money amount, rate annual, int months) {
  const std::int64_t factor_ppm_x12 = ppm_one * 12 - annual.ppm() * months;
  if (factor_ppm_x12 <= 0) return money::zero(amount.currency());
  return money(scaled<ppm_one * 12>(amount.minor_units(), factor_ppm_x12), amount.currency());
}

[[gnu::always_inline]] inline money share(money amount, rate fraction) {
  return money(scaled<ppm_one>(amount.minor_units(), fraction.ppm()), amount.currency());
}

/// The relationship value in the amount's currency: a debtor recorded without one
/// (currency "XXX", zero) is worth nothing extra.
money relationship_in(money relationship_value, money amount) {
  if (relationship_value.is_zero()) return money::zero(amount.currency());
  return relationship_value;
}

}  // namespace

money agency_net_recovery(money amount, money relationship_value, const economics_parameters& p) {
  const money recovered = share(amount, p.agency_recovery_share);
  const money after_fee = recovered - share(recovered, p.agency_fee_share);
  return discounted(after_fee, p.annual_discount, p.agency_months) -
         share(relationship_in(relationship_value, amount), p.agency_relationship_loss);
}

money legal_net_recovery(money amount, money relationship_value, const economics_parameters& p) {
  const money expected =
      discounted(share(amount, p.legal_success_share), p.annual_discount, p.legal_months);
  const money costs =
      money(p.legal_fixed_costs_minor, amount.currency()) + share(amount, p.legal_cost_share);
  return expected - costs -
         share(relationship_in(relationship_value, amount), p.legal_relationship_loss);
}

}  // namespace arrears
