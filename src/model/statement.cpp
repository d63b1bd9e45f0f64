// The statement of account of a case on a day.

#include <arrears/model/statement.hpp>

#include <arrears/core/error.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace arrears {
namespace {

/// Runs `compute`, rethrowing an arrears::error with `context` in front of its message.
template <class Compute>
auto with_context(const std::string& context, Compute compute) -> decltype(compute()) {
  try {
    return compute();
  } catch (const error& e) {
    throw error(e.code(), context + ": " + e.what());
  }
}

}  // namespace

std::vector<const statement_line*> statement::overdue_lines() const {
  std::vector<const statement_line*> out;
  for (const statement_line& line : lines)
    if (line.overdue && line.undisputed.is_positive()) out.push_back(&line);
  return out;
}

statement statement_of(const collection_case& c, date on, const jurisdiction& law,
                       const statement_options& options) {
  const std::string context = "statement of case " + c.id();
  if (on.is_special()) throw error(errc::invalid_argument, context + ": the day must be a date");
  if (c.last_event_on() && on < *c.last_event_on())
    throw error(errc::invalid_argument, context + ": " + to_iso(on) +
                                            " is before the case's last event on " +
                                            to_iso(*c.last_event_on()));
  statement out;
  out.case_id = c.id();
  out.on = on;
  out.jurisdiction = std::string(law.code());
  out.currency = c.currency();
  out.debtor = c.debtor().profile.kind;
  out.interest_rule =
      out.debtor == debtor_kind::consumer ? interest_kind::consumer : interest_kind::commercial;

  const money zero = money::zero(c.currency());
  out.open_principal = out.held = out.overdue_principal = out.interest = zero;
  out.costs_charged = c.costs_due();
  out.interest_charged = c.interest_due();
  // Interest already charged covers the case through this day; accrual starts after it.
  std::optional<date> charged_through = c.interest_charged_through();

  std::vector<money> dunned;
  for (const claim_balance& balance : c.claims()) {
    if (!balance.open.is_positive()) continue;
    statement_line line;
    line.claim_id = balance.invoice.id;
    line.description = balance.invoice.description;
    line.issue_date = balance.invoice.issue_date;
    line.due_date = balance.invoice.due_date;
    line.open = balance.open;
    line.held = balance.held();
    line.undisputed = balance.undisputed();
    line.overdue = balance.is_overdue_on(on);
    line.interest = zero;
    out.open_principal += line.open;
    out.held += line.held;

    const std::string claim_context = context + ", claim '" + line.claim_id + "'";
    if (line.overdue) {
      default_request request;
      request.debtor = out.debtor;
      request.due_date = line.due_date;
      request.formal_notice_sent_on = c.dunning().formal_notice_sent_on;
      line.default_from =
          with_context(claim_context, [&] { return law.default_first_day(request); });
    }
    if (line.overdue && line.undisputed.is_positive()) {
      out.overdue_principal += line.undisputed;
      dunned.push_back(line.undisputed);
      if (line.default_from) {
        date from = *line.default_from;
        if (charged_through && *charged_through >= from) from = *charged_through + days(1);
        if (from <= on) {
          interest_request request;
          request.principal = line.undisputed;
          request.kind = out.interest_rule;
          request.first_day = from;
          request.until = on;
          const interest_result result =
              with_context(claim_context, [&] { return law.statutory_interest(request); });
          line.interest_from = from;
          line.interest = result.total;
          out.interest += line.interest;
        }
      }
    }
    out.lines.push_back(std::move(line));
  }
  out.total_due = out.overdue_principal + out.interest + out.costs_charged + out.interest_charged;

  statement_costs& costs = out.collection_costs;
  costs.vat_rate = options.vat_rate;
  costs.costs = costs.vat = costs.total = zero;
  if (!dunned.empty()) {
    costs_request request;
    request.claims = std::move(dunned);
    request.debtor = out.debtor;
    request.creditor_can_deduct_vat = options.creditor_can_deduct_vat;
    request.vat_rate = options.vat_rate;
    request.reminders_sent = c.dunning().reminders_sent;
    request.postage = zero;
    request.on = on;
    costs_result result =
        with_context(context + ", collection costs", [&] { return law.collection_costs(request); });
    costs.costs = result.costs;
    costs.vat = result.vat;
    costs.total = result.total;
    costs.basis = std::move(result.basis);
  }
  out.fourteen_day_term = with_context(context, [&] { return law.consumer_costs_notice(on); });
  return out;
}

}  // namespace arrears
