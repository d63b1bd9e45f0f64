// Dutch statutory interest: art. 6:119 BW (consumer) and 6:119a BW (commercial), capitalised
// yearly at each anniversary of the first interest day.

#include <arrears/law/interest_engine.hpp>
#include <arrears/law/netherlands.hpp>

namespace arrears {

netherlands::netherlands(const rate_tables& tables) : tables_(tables) {}

std::string_view netherlands::code() const noexcept { return "nl"; }

std::string_view netherlands::name() const noexcept { return "Netherlands"; }

interest_result netherlands::statutory_interest(const interest_request& request) const {
  validate_interest_request(request);
  // Both rates change on their table's row dates (art. 6:120 lid 1 and lid 2 BW), and both
  // articles add the year's interest to the base "telkens na afloop van een jaar".
  const rate_table& table =
      tables_.get(request.kind == interest_kind::consumer ? "nl-consumer" : "nl-commercial");
  const rate_schedule schedule = table_schedule(table, rate{}, request.first_day, request.until);
  return accrue_interest(request, schedule, {.capitalise_yearly = true});
}

allocation_order netherlands::payment_allocation() const noexcept {
  return {{debt_component::costs, debt_component::interest, debt_component::principal},
          "art. 6:43 and 6:44 BW: costs, then interest, then principal; across claims the debtor's designation, else the oldest due claim"};
}

}  // namespace arrears
