// UK statutory interest on late commercial payments: Bank Rate on the reference day + 8 points,
// fixed for the whole debt, simple (Late Payment of Commercial Debts (Interest) Act 1998,
// SI 2002/1675).

#include <arrears/core/error.hpp>
#include <arrears/law/interest_engine.hpp>
#include <arrears/law/united_kingdom.hpp>

#include <string>

namespace arrears {

united_kingdom::united_kingdom(const rate_tables& tables) : tables_(tables) {}

std::string_view united_kingdom::code() const noexcept { return "uk"; }

std::string_view united_kingdom::name() const noexcept { return "United Kingdom"; }

interest_result united_kingdom::statutory_interest(const interest_request& request) const {
  validate_interest_request(request);
  // SI 2002/1675 art. 4: the rate in force on 30 June (interest starting 1 July - 31 December)
  // or 31 December (interest starting 1 January - 30 June) immediately before the day interest
  // starts to run. The Act covers business debts only; consumer kind gets the same figure.
  const date start = request.first_day;
  if (start.year() <= 1400 && start.month() < 7)  // the calendar arrears reads starts in 1400
    throw error(errc::date_out_of_range, "UK statutory interest starting " + to_iso(start) +
                                             " needs Bank Rate on 31 December of the year "
                                             "before, which no calendar date here reaches");
  const date reference = start.month() >= 7
                             ? date(start.year(), 6, 30)
                             : date(static_cast<unsigned short>(start.year() - 1), 12, 31);
  const rate_table& bank_rate = tables_.get("uk-bank-rate");
  const rate_entry* in_force = nullptr;
  try {
    in_force = &bank_rate.in_force_on(reference);
  } catch (const error& e) {
    throw error(e.code(), "UK statutory interest starting " + to_iso(start) +
                              " takes Bank Rate on the reference day " + to_iso(reference) + ": " +
                              e.what());
  }
  // Fixed for the life of the debt: one step, whatever happens to Bank Rate later.
  const rate_step fixed{start, in_force->annual + rate::from_percent(8), in_force->verified};
  return accrue_interest(request, {&fixed, 1}, {.capitalise_yearly = false});
}

allocation_order united_kingdom::payment_allocation() const noexcept {
  return {{debt_component::costs, debt_component::interest, debt_component::principal},
          "common law appropriation: the debtor's designation at payment, else the creditor's choice; arrears applies costs, interest, principal and the oldest debt first (Clayton's Case)"};
}

}  // namespace arrears
