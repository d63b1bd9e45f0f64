// A case in words (case_text.hpp).

#include "case_text.hpp"

#include <arrears/core/money.hpp>

#include <fmt/core.h>
#include <boost/describe/enum_to_string.hpp>

#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace arrears::cli {
namespace {

template <class E>
const char* name(E value) {
  return boost::describe::enum_to_string(value, "?");
}

std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

/// One short line for an event's own fields, for the history.
std::string summary(const event_body& body) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, claim_added>) {
          std::string text =
              fmt::format("{} {} due {}", x.invoice.id, format_amount(x.invoice.amount),
                          to_iso(x.invoice.due_date));
          if (x.invoice.terms) text += fmt::format(" ({})", to_string(*x.invoice.terms));
          return text;
        } else if constexpr (std::is_same_v<T, debtor_updated>) {
          std::string text =
              fmt::format("{} {}, {}", x.debtor.id, x.debtor.name, name(x.debtor.kind));
          if (x.debtor.terms) text += ", " + to_string(*x.debtor.terms);
          if (!x.debtor.relationship_value.is_zero())
            text += ", worth " + to_string(x.debtor.relationship_value);
          return text;
        } else if constexpr (std::is_same_v<T, terms_changed>) {
          return to_string(x.terms) + " for " +
                 (x.claims.empty() ? std::string("all open claims") : join(x.claims));
        } else if constexpr (std::is_same_v<T, payment_received>) {
          std::string text = format_amount(x.amount);
          if (!x.designation.empty()) text += " to " + join(x.designation);
          if (!x.reference.empty()) text += ", ref " + x.reference;
          return text;
        } else if constexpr (std::is_same_v<T, credit_note_issued>) {
          std::string text =
              fmt::format("{} {}", x.credit_note.id, format_amount(x.credit_note.amount));
          if (!x.against.empty()) text += " against " + x.against;
          return text;
        } else if constexpr (std::is_same_v<T, costs_charged>) {
          return x.basis.empty() ? format_amount(x.amount)
                                 : fmt::format("{}: {}", format_amount(x.amount), x.basis);
        } else if constexpr (std::is_same_v<T, interest_charged>) {
          return fmt::format("{} through {}", format_amount(x.amount), to_iso(x.through));
        } else if constexpr (std::is_same_v<T, reminder_sent>) {
          return fmt::format("level {} by {}", x.level, name(x.channel));
        } else if constexpr (std::is_same_v<T, call_logged>) {
          std::string text = x.reached ? "reached" : "not reached";
          if (x.reason_learned) text += fmt::format(", reason {}", name(*x.reason_learned));
          return text;
        } else if constexpr (std::is_same_v<T, letter_sent>) {
          return fmt::format("{} by {}", name(x.kind), name(x.channel));
        } else if constexpr (std::is_same_v<T, reason_recorded>) {
          return name(x.reason);
        } else if constexpr (std::is_same_v<T, dispute_opened>) {
          return fmt::format("{} {} ({})", x.claim, format_amount(x.amount), name(x.category));
        } else if constexpr (std::is_same_v<T, evidence_added>) {
          std::string text = fmt::format("{}: {}", x.claim, x.description);
          if (!x.reference.empty()) text += fmt::format(" [{}]", x.reference);
          return text;
        } else if constexpr (std::is_same_v<T, dispute_resolved>) {
          std::string text = fmt::format("{} {}", x.claim, name(x.verdict));
          if (!x.justified_amount.is_zero())
            text += ", justified " + format_amount(x.justified_amount);
          return text;
        } else if constexpr (std::is_same_v<T, promise_made>) {
          return fmt::format("{} by {}", format_amount(x.amount), to_iso(x.due));
        } else if constexpr (std::is_same_v<T, arrangement_agreed>) {
          if (x.schedule.empty()) return "no instalments";
          money total = money::zero(x.schedule.front().amount.currency());
          for (const auto& step : x.schedule) total += step.amount;
          return fmt::format("{} instalments, {} in all, {} to {}", x.schedule.size(),
                             format_amount(total), to_iso(x.schedule.front().due),
                             to_iso(x.schedule.back().due));
        } else if constexpr (std::is_same_v<T, instalment_paid>) {
          return fmt::format("#{} {}", x.number, format_amount(x.amount));
        } else if constexpr (std::is_same_v<T, instalment_missed>) {
          return fmt::format("#{}", x.number);
        } else if constexpr (std::is_same_v<T, handed_to_agency>) {
          return x.agency;
        } else if constexpr (std::is_same_v<T, legal_started>) {
          return x.reference;
        } else if constexpr (std::is_same_v<T, written_off>) {
          std::string text = name(x.reason);
          text += " " + (x.claim.empty() ? std::string("whole case") : x.claim);
          text += " " + (x.amount ? format_amount(*x.amount) : std::string("all open"));
          return text;
        } else {  // promise_broken, arrangement_broken, marketing_*, case_closed
          return {};
        }
      },
      body);
}

}  // namespace

void append_case(std::string& out, const collection_case& c) {
  const auto& profile = c.debtor().profile;
  const std::string debtor = profile.name.empty()
                                 ? std::string("(no debtor details)")
                                 : fmt::format("{} ({})", profile.name, name(profile.kind));
  const std::string state = c.is_closed()
                                ? fmt::format("{}, {}", name(c.state()), name(c.outcome()))
                                : std::string(name(c.state()));
  out += fmt::format("{}  {}  {}  open {}  held {}\n", c.id(), debtor, state,
                     to_string(c.open_total()), to_string(c.held_amount()));

  out += "  claims\n";
  for (const auto& balance : c.claims())
    out += fmt::format("    {:<15} due {}  amount {:>10}  open {:>10}  held {:>10}\n",
                       balance.invoice.id, to_iso(balance.invoice.due_date),
                       format_amount(balance.invoice.amount), format_amount(balance.open),
                       format_amount(balance.held()));
  if (!c.costs_due().is_zero() || !c.interest_due().is_zero())
    out += fmt::format("    costs due {}  interest due {}\n", format_amount(c.costs_due()),
                       format_amount(c.interest_due()));

  out += "  history\n";
  for (const auto& e : c.history()) {
    std::string line =
        fmt::format("    {}  {:<21} {:<9} {}", to_iso(e.meta.on), event_type_name(e.type()),
                    e.meta.actor.empty() ? "-" : e.meta.actor, summary(e.body));
    if (!e.meta.note.empty()) line += fmt::format("  \"{}\"", e.meta.note);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
}

}  // namespace arrears::cli
