#pragma once
// The economics of escalation (playbook §3): what the agency route and the legal route are
// expected to bring in, net of their costs and delay and of the relationship they cost.
// Integer arithmetic throughout; shares and rates are `rate`s read as fractions (60 % = 0.6).

#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>

#include <cstdint>

namespace arrears {

/// Assumptions, each a named parameter a user sets for their own portfolio. Amounts are in
/// minor units of the case's currency (the defaults suit EUR).
struct economics_parameters {
  /// Agency route: the share of the dunned amount it recovers, its fee on what it recovers,
  /// how long it takes, and the share of the relationship value lost by handing over.
  rate agency_recovery_share = rate::from_percent(60);
  rate agency_fee_share = rate::from_percent(15);
  int agency_months = 3;
  rate agency_relationship_loss = rate::from_percent(50);
  /// Legal route: the chance of recovering the amount (judgment and enforcement), its fixed
  /// costs (court fee, bailiff, lawyer; not all recoverable from the debtor), costs as a share
  /// of the amount, how long it takes, and the relationship lost (all of it, by default).
  rate legal_success_share = rate::from_percent(70);
  std::int64_t legal_fixed_costs_minor = 1'000'00;
  rate legal_cost_share = rate::from_percent(5);
  int legal_months = 12;
  rate legal_relationship_loss = rate::from_percent(100);
  /// The creditor's cost of waiting, per year, applied as simple discounting over the months.
  rate annual_discount = rate::from_percent(8);
  friend bool operator==(const economics_parameters&, const economics_parameters&) = default;
};

/// Expected net recovery of handing `amount` to an agency: amount x recovery x (1 - fee),
/// discounted over the months, minus the relationship value lost. Negative when the route
/// destroys value. Rounded half-up to the minor unit at each step.
[[nodiscard]] money agency_net_recovery(money amount, money relationship_value,
                                        const economics_parameters& p);
/// Expected net recovery of legal action on `amount`: amount x success, discounted, minus
/// fixed and proportional costs, minus the relationship value lost.
[[nodiscard]] money legal_net_recovery(money amount, money relationship_value,
                                       const economics_parameters& p);

}  // namespace arrears
