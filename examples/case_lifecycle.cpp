// A dissatisfied customer's case, from invoice through dispute, credit note and payment.
//
// A garden centre invoices a landscaping firm for plants. Part of the delivery arrives
// damaged; the firm withholds payment for that part. The garden centre holds the disputed
// amount, keeps collecting the rest, checks the evidence, admits the error with a credit
// note, and the firm pays the remainder. Marketing, suppressed while the case was open, is
// re-activated: a complaint handled well keeps the customer.
//
// Built and run by the tests (ctest -R example.case_lifecycle); it exits non-zero if the
// case does not end as described.

#include <arrears/arrears.hpp>

#include <iostream>

int main() {
  using namespace arrears;
  const currency eur = currency::from_code("EUR");

  collection_case c("CASE-2025-0042");

  debtor_profile firm;
  firm.id = "DEB-118";
  firm.name = "Groen & Zonen Hoveniers";
  firm.kind = debtor_kind::business;
  firm.language = "nl";
  firm.contact.email = "administratie@groenenzonen.example";
  firm.relationship_value = parse_amount("18000.00", eur);
  c.apply({parse_date("2025-03-03"), debtor_updated{firm}, "ledger"});

  claim plants;
  plants.id = "F2025-0311";
  plants.issue_date = parse_date("2025-03-03");
  plants.terms = parse_terms("net 30");
  plants.due_date = due_date(plants.issue_date, *plants.terms);
  plants.amount = parse_amount("2420.00", eur);
  plants.vat = parse_amount("420.00", eur);
  plants.description = "120 boxwood shrubs, 40 hydrangeas";
  c.apply({plants.issue_date, claim_added{plants}, "ledger"});

  // The due date passes; the first reminder goes out.
  c.apply({parse_date("2025-04-04"), reminder_sent{1, channel::email}, "policy"});
  c.apply({parse_date("2025-04-04"), marketing_suppressed{}, "policy"});

  // The call finds the reason: 40 hydrangeas arrived damaged.
  c.apply({parse_date("2025-04-08"), call_logged{true, reason::dissatisfied}, "m.bakker",
           "40 hydrangeas damaged on arrival; the rest is fine"});
  c.apply({parse_date("2025-04-08"),
           dispute_opened{"F2025-0311", parse_amount("605.00", eur), dispute_category::damaged},
           "m.bakker"});
  c.apply({parse_date("2025-04-08"),
           letter_sent{letter_kind::dispute_acknowledgement, channel::email}, "policy"});
  std::cout << "after the call: " << boost::describe::enum_to_string(c.state(), "?")
            << ", dunnable " << to_string(c.dunnable_on(parse_date("2025-04-08"))) << ", on hold "
            << to_string(c.held_amount()) << "\n";

  // Truth finding: the photos and the driver's delivery note agree with the customer.
  c.apply({parse_date("2025-04-09"),
           evidence_added{"F2025-0311", "photos of crushed hydrangeas", "IMG-4411..4419"},
           "m.bakker"});
  c.apply({parse_date("2025-04-09"),
           evidence_added{"F2025-0311", "delivery note signed 'damaged'", "DN-2025-0311"},
           "m.bakker"});
  c.apply({parse_date("2025-04-10"),
           dispute_resolved{"F2025-0311", verdict::valid, parse_amount("605.00", eur)}, "manager",
           "our packing; feed back to the warehouse"});

  claim refund;
  refund.id = "C2025-0019";
  refund.kind = claim_kind::credit_note;
  refund.issue_date = refund.due_date = parse_date("2025-04-10");
  refund.amount = parse_amount("605.00", eur);
  refund.vat = parse_amount("105.00", eur);
  refund.description = "40 hydrangeas damaged in delivery";
  c.apply({refund.issue_date, credit_note_issued{refund, "F2025-0311"}, "ledger"});

  // The firm pays what it owes.
  c.apply({parse_date("2025-04-14"),
           payment_received{parse_amount("1815.00", eur), {"F2025-0311"}, "bank"}, "ledger"});
  c.apply({parse_date("2025-04-14"), marketing_reactivated{}, "policy"});

  std::cout << "case " << c.id() << ": " << boost::describe::enum_to_string(c.state(), "?") << " ("
            << boost::describe::enum_to_string(c.outcome(), "?") << ")\n";
  std::cout << "paid " << to_string(c.totals().paid) << ", credited "
            << to_string(c.totals().credited) << "\n\nhistory:\n";
  for (const event& e : c.history()) {
    std::cout << "  " << to_iso(e.meta.on) << "  " << event_type_name(e.type()) << "  by "
              << e.meta.actor << (e.meta.note.empty() ? "" : "  — " + e.meta.note) << "\n";
  }

  const bool as_described = c.state() == case_state::closed && c.outcome() == case_outcome::paid &&
                            c.totals().credited == parse_amount("605.00", eur) &&
                            c.debtor().marketing == marketing_status::active;
  return as_described ? 0 : 1;
}
