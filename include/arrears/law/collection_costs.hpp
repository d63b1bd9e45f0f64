#pragma once
// Extrajudicial collection costs: what a creditor may charge for dunning, by jurisdiction.

#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>

#include <string>
#include <vector>

namespace arrears {

struct costs_request {
  /// The principal of each claim dunned together (NL sums them, art. 6:96 lid 7 BW; EU, DE
  /// and UK charge a fixed sum per late invoice).
  std::vector<money> claims;
  debtor_kind debtor = debtor_kind::business;
  /// VAT is added to the costs only when the creditor cannot deduct it (NL BIK art. 2 lid 3).
  bool creditor_can_deduct_vat = true;
  rate vat_rate = rate::from_percent(21);
  /// BE consumers: reminders already sent (the first is free) and the postage of one reminder.
  int reminders_sent = 0;
  money postage;
  /// The day the costs would be charged (some rules depend on the date, e.g. BE Book XIX).
  date on;
};

struct costs_result {
  money costs;  ///< before VAT
  money vat;
  money total;
  /// How it was computed, in words and figures, e.g. "BIK staffel over 1000.00: 15 % of
  /// 1000.00 = 150.00".
  std::string basis;
};

}  // namespace arrears
