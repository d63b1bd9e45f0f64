#pragma once
// The statement of account of a case on a day under a jurisdiction: what is open per claim,
// the statutory interest accrued on it, the collection costs the law allows, and the term a
// 14-day letter sent that day gives. Letters (io/letters.hpp) print it.

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>
#include <arrears/law/interest.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/law/notice.hpp>
#include <arrears/model/collection_case.hpp>

#include <optional>
#include <string>
#include <vector>

namespace arrears {

/// One open claim on the statement's day.
struct statement_line {
  std::string claim_id;
  std::string description;
  date issue_date;
  date due_date;
  money open;            ///< open principal, held part included
  money held;            ///< disputed, or justified and awaiting a credit note: not dunned
  money undisputed;      ///< open - held: the part that is collected
  bool overdue = false;  ///< past its due date on the statement's day
  /// The first day of default under the jurisdiction; empty when the debtor is not in
  /// default on this claim (an NL consumer without an agreed fatal term or a notice).
  std::optional<date> default_from;
  /// The first day `interest` covers: default_from, or the day after the case last charged
  /// interest when that is later. Empty when no interest has accrued.
  std::optional<date> interest_from;
  /// Statutory interest on `undisputed` from interest_from through the statement's day, both
  /// inclusive (jurisdiction::statutory_interest).
  money interest;
  friend bool operator==(const statement_line&, const statement_line&) = default;
};

/// The collection costs the law allows on the undisputed overdue principal.
struct statement_costs {
  money costs;  ///< before VAT
  money vat;    ///< zero when the creditor can deduct VAT
  money total;
  rate vat_rate;
  /// How they were computed (the jurisdiction's basis); empty when nothing is overdue.
  std::string basis;
  friend bool operator==(const statement_costs&, const statement_costs&) = default;
};

/// What the statement needs beyond the case and the day.
struct statement_options {
  /// Whether the creditor can deduct VAT; when not, VAT is added to the costs (NL BIK).
  bool creditor_can_deduct_vat = true;
  rate vat_rate = rate::from_percent(21);
};

struct statement {
  std::string case_id;
  date on;
  std::string jurisdiction;  ///< the pack's code ("nl")
  arrears::currency currency;
  debtor_kind debtor = debtor_kind::business;
  /// consumer for a consumer debtor, commercial for businesses and public bodies.
  interest_kind interest_rule = interest_kind::commercial;
  /// Every claim with open principal, in the case's collection order.
  std::vector<statement_line> lines;

  money open_principal;  ///< all open principal, held parts included
  money held;            ///< principal on hold
  /// Undisputed principal past its due date: what is dunned and what the costs are over.
  money overdue_principal;
  /// Statutory interest accrued on the overdue lines (the sum of their `interest`).
  money interest;
  money costs_charged;     ///< collection costs already charged and still open
  money interest_charged;  ///< interest already charged and still open
  /// What the debtor owes today on the overdue claims: overdue_principal + interest +
  /// costs_charged + interest_charged. The costs below are not in it (they are what the law
  /// allows to charge, not what has been charged).
  money total_due;

  statement_costs collection_costs;
  /// The term of a consumer-costs notice (NL 14-day letter) posted on the statement's day;
  /// empty under a law without one.
  std::optional<fourteen_day_letter> fourteen_day_term;

  /// The lines that are dunned: overdue with an undisputed part.
  [[nodiscard]] std::vector<const statement_line*> overdue_lines() const;
};

/// The statement of case `c` on `on` under `law`.
///
/// Interest: per overdue claim, on its undisputed principal as it stands on `on`, from the
/// first day of default (jurisdiction::default_first_day with the debtor's kind, the claim's
/// due date and the case's formal notice) or from the day after interest was last charged on
/// the case, whichever is later, through `on`. The consumer rule applies to consumers, the
/// commercial one to businesses and public bodies. Earlier part payments are not replayed:
/// the figure is never more than the law's.
/// Costs: jurisdiction::collection_costs over the undisputed overdue principal of every
/// claim dunned together, with the debtor's kind, `options` and the reminders already sent;
/// zero when nothing is overdue.
///
/// Throws error{errc::invalid_argument} for a special `on`, or one before the case's last
/// event; the jurisdiction's errors (a rate table that does not cover a day, costs in a
/// currency the law does not know) are rethrown with their code, the case and the claim
/// prefixed to the message.
[[nodiscard]] statement statement_of(const collection_case& c, date on, const jurisdiction& law,
                                     const statement_options& options = {});

}  // namespace arrears
