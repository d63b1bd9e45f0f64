// German default interest (Verzugszinsen): Basiszinssatz + 5 or + 9 points, floating per
// half-year, never compounded (§§ 247, 288, 289 BGB).

#include <arrears/law/germany.hpp>
#include <arrears/law/interest_engine.hpp>

namespace arrears {
namespace {

/// § 288 in its version since 29 July 2014 applies only to obligations that arose after
/// 28 July 2014 (Art. 229 § 34 EGBGB). Interest that already ran on 28 July 2014 belongs to
/// an older obligation, which keeps the former + 8 points for its whole life. For interest
/// starting later arrears cannot see when the obligation arose and applies + 9.
const date new_commercial_margin_from(2014, 7, 29);

}  // namespace

germany::germany(const rate_tables& tables) : tables_(tables) {}

std::string_view germany::code() const noexcept { return "de"; }

std::string_view germany::name() const noexcept { return "Germany"; }

interest_result germany::statutory_interest(const interest_request& request) const {
  validate_interest_request(request);
  rate margin = rate::from_percent(5);  // § 288 Abs. 1: a consumer is involved
  if (request.kind == interest_kind::commercial)
    margin = rate::from_percent(request.first_day < new_commercial_margin_from ? 8 : 9);
  const rate_schedule schedule =
      table_schedule(tables_.get("de-base"), margin, request.first_day, request.until);
  // § 289 S. 1: "Von Zinsen sind Verzugszinsen nicht zu entrichten": no capitalisation.
  return accrue_interest(request, schedule, {.capitalise_yearly = false});
}

allocation_order germany::payment_allocation() const noexcept {
  return {{debt_component::costs, debt_component::interest, debt_component::principal},
          "§ 366 and § 367 BGB: costs, then interest, then principal; across claims the debtor's designation, else the due claim, the least secured, the most burdensome, the oldest"};
}

}  // namespace arrears
