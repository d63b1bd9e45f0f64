// The EU default (Directive 2011/7/EU): the ECB main refinancing rate in force on the first day
// of each half-year + 8 points, simple.

#include <arrears/core/error.hpp>
#include <arrears/law/european_union.hpp>
#include <arrears/law/interest_engine.hpp>

#include <string>

namespace arrears {

european_union::european_union(const rate_tables& tables) : tables_(tables) {}

std::string_view european_union::code() const noexcept { return "eu"; }

std::string_view european_union::name() const noexcept { return "European Union"; }

interest_result european_union::statutory_interest(const interest_request& request) const {
  validate_interest_request(request);
  // Art. 2(6): simple interest at the reference rate + 8 points; art. 3(2): the reference rate
  // for the first half-year is the one in force on 1 January, for the second on 1 July.
  // Every half-year is a step of its own, as in NL and DE. The Directive covers commercial
  // transactions only; consumer kind gets the same figure.
  const rate_table& mro = tables_.get("ecb-mro");
  rate_schedule schedule;
  for (date half_year = half_year_start(request.first_day); half_year <= request.until;
       half_year = half_year.month() == 1
                       ? date(half_year.year(), 7, 1)
                       : date(static_cast<unsigned short>(half_year.year() + 1), 1, 1)) {
    const rate_entry* in_force = nullptr;
    try {
      in_force = &mro.in_force_on(half_year);
    } catch (const error& e) {
      throw error(e.code(), "EU statutory interest for the half-year from " + to_iso(half_year) +
                                " takes the ECB rate in force on that day: " + e.what());
    }
    const date from = half_year < request.first_day ? request.first_day : half_year;
    schedule.push_back({from, in_force->annual + rate::from_percent(8), in_force->verified});
  }
  return accrue_interest(request, schedule, {.capitalise_yearly = false});
}

allocation_order european_union::payment_allocation() const noexcept {
  return {{debt_component::costs, debt_component::interest, debt_component::principal},
          "Directive 2011/7/EU sets no order; arrears applies costs, interest, principal and the oldest due claim first, the order of the national laws it knows"};
}

}  // namespace arrears
