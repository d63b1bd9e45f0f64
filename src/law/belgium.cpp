// Belgian late-payment interest: the semester rate of the law of 2 August 2002, simple; the
// same rate as the cap for consumers (Book XIX WER).

#include <arrears/law/belgium.hpp>
#include <arrears/law/interest_engine.hpp>

namespace arrears {

belgium::belgium(const rate_tables& tables) : tables_(tables) {}

std::string_view belgium::code() const noexcept { return "be"; }

std::string_view belgium::name() const noexcept { return "Belgium"; }

interest_result belgium::statutory_interest(const interest_request& request) const {
  validate_interest_request(request);
  // Consumer kind: Book XIX WER caps a consumer's late-payment interest at the B2B rate of
  // art. 5 of the 2002 law; arrears computes the cap, the most a creditor may charge.
  const rate_schedule schedule =
      table_schedule(tables_.get("be-commercial"), rate{}, request.first_day, request.until);
  return accrue_interest(request, schedule, {.capitalise_yearly = false});
}

allocation_order belgium::payment_allocation() const noexcept {
  return {{debt_component::costs, debt_component::interest, debt_component::principal},
          "art. 1253-1256 old Civil Code: interest before principal, costs first in practice; across claims the debtor's designation, else the due claim the debtor most has an interest in paying, the oldest"};
}

}  // namespace arrears
