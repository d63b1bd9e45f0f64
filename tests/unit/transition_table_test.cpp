// Every state x every event: the case does what docs/state-machine.md says. The expected
// outcomes below are written out by hand, independently of transition_table.hpp.

#include <arrears/model/collection_case.hpp>
#include <arrears/model/transition_table.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include "support/case_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

const date today = day("2025-03-01");

// Builds a case in `state`. All fixtures hold claim B (500.00, not yet due) and claim D
// (300.00, not yet due, 100.00 of it under an open dispute); all but `current` hold claim A
// (1000.00, overdue since 31 January). `prepare` adds what one event type needs.
collection_case fixture(case_state state, event_type type) {
  collection_case c("C-" + std::string(boost::describe::enum_to_string(state, "?")));
  const date start = day("2025-01-01");
  c.apply({start, debtor_updated{business_debtor()}});
  if (state == case_state::current)
    c.apply({start, claim_added{invoice("A", "2025-01-01", "2025-03-17", "1000.00")}});
  else
    c.apply({start, claim_added{invoice("A", "2025-01-01", "2025-01-31", "1000.00")}});
  c.apply({day("2025-02-20"), claim_added{invoice("B", "2025-02-20", "2025-03-22", "500.00")}});
  c.apply({day("2025-02-20"), claim_added{invoice("D", "2025-02-20", "2025-03-22", "300.00")}});
  c.apply({day("2025-02-21"), dispute_opened{"D", eur("100.00"), dispute_category::quality}});
  if (type == event_type::marketing_reactivated)
    c.apply({day("2025-02-21"), marketing_suppressed{}});
  const date set_up = day("2025-02-25");
  switch (state) {
    case case_state::current:
    case case_state::overdue:
      break;
    case case_state::promised:
      c.apply({set_up, promise_made{eur("300.00"), day("2025-03-15")}});
      break;
    case case_state::in_arrangement:
      c.apply({set_up, arrangement_agreed{{{day("2025-03-10"), eur("500.00")},
                                           {day("2025-04-10"), eur("500.00")}}}});
      break;
    case case_state::disputed:
      c.apply({set_up, dispute_opened{"A", eur("1000.00"), dispute_category::wrong_delivery}});
      break;
    case case_state::with_agency:
      c.apply({set_up, handed_to_agency{"Incasso Noord B.V."}});
      break;
    case case_state::in_legal:
      c.apply({set_up, legal_started{"Rb. Amsterdam C/13/123"}});
      break;
    case case_state::closed:
      c.apply({set_up, payment_received{eur("1800.00"), {}, "full"}});
      break;
  }
  if (type == event_type::promise_broken &&
      (state == case_state::with_agency || state == case_state::in_legal))
    c.apply({set_up, promise_made{eur("300.00"), day("2025-03-15")}});
  EXPECT_EQ(c.state(), state) << "fixture for " << boost::describe::enum_to_string(state, "?");
  return c;
}

event canonical(event_type type) {
  switch (type) {
    case event_type::claim_added:
      return {today, claim_added{invoice("C", "2025-03-01", "2025-03-31", "200.00")}};
    case event_type::debtor_updated: {
      auto d = business_debtor();
      d.name = "Bakkerij De Vries & Zn. B.V.";
      return {today, debtor_updated{d}};
    }
    case event_type::terms_changed:
      return {today, terms_changed{parse_terms("net 60"), {}}};
    case event_type::payment_received:
      return {today, payment_received{eur("100.00"), {}, "bank"}};
    case event_type::credit_note_issued:
      return {today, credit_note_issued{credit_note("CN-1", "2025-03-01", "50.00"), "B"}};
    case event_type::costs_charged:
      return {today, costs_charged{eur("40.00"), "test"}};
    case event_type::interest_charged:
      return {today, interest_charged{eur("12.34"), day("2025-02-28"), "test"}};
    case event_type::reminder_sent:
      return {today, reminder_sent{1, channel::email}};
    case event_type::call_logged:
      return {today, call_logged{true, reason::forgot}};
    case event_type::letter_sent:
      return {today, letter_sent{letter_kind::dispute_acknowledgement, channel::email}};
    case event_type::reason_recorded:
      return {today, reason_recorded{reason::administrative}};
    case event_type::dispute_opened:
      return {today, dispute_opened{"B", eur("100.00"), dispute_category::damaged}};
    case event_type::evidence_added:
      return {today, evidence_added{"D", "photo of the damage", "IMG_0042"}};
    case event_type::dispute_resolved:
      return {today, dispute_resolved{"D", verdict::invalid, eur("0.00")}};
    case event_type::promise_made:
      return {today, promise_made{eur("300.00"), day("2025-03-15")}};
    case event_type::promise_broken:
      return {today, promise_broken{}};
    case event_type::arrangement_agreed:
      return {today, arrangement_agreed{
                         {{day("2025-03-10"), eur("500.00")}, {day("2025-04-10"), eur("500.00")}}}};
    case event_type::instalment_paid:
      return {today, instalment_paid{1, eur("500.00")}};
    case event_type::instalment_missed:
      return {today, instalment_missed{1}};
    case event_type::arrangement_broken:
      return {today, arrangement_broken{}};
    case event_type::handed_to_agency:
      return {today, handed_to_agency{"Incasso Noord B.V."}};
    case event_type::legal_started:
      return {today, legal_started{"Rb. Amsterdam C/13/123"}};
    case event_type::written_off:
      return {today, written_off{write_off_reason::goodwill, "B", std::nullopt}};
    case event_type::marketing_suppressed:
      return {today, marketing_suppressed{}};
    case event_type::marketing_reactivated:
      return {today, marketing_reactivated{}};
    case event_type::case_closed:
      return {today, case_closed{}};
  }
  return {};
}

// Expected result per event (rows) and state (columns: current, overdue, promised,
// in_arrangement, disputed, with_agency, in_legal, closed): a state name when accepted,
// "-" when the table refuses (event_not_allowed), or "!code" when the table allows the
// event but its own check refuses it in this fixture.
const std::map<event_type, std::array<const char*, case_state_count>> expected{
    {event_type::claim_added,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::debtor_updated,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "closed"}},
    {event_type::terms_changed,
     {"current", "current", "promised", "in_arrangement", "current", "with_agency", "in_legal",
      "-"}},
    {event_type::payment_received,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::credit_note_issued,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::costs_charged,
     {"-", "overdue", "promised", "in_arrangement", "-", "with_agency", "in_legal", "-"}},
    {event_type::interest_charged,
     {"-", "overdue", "promised", "in_arrangement", "-", "with_agency", "in_legal", "-"}},
    {event_type::reminder_sent, {"-", "overdue", "-", "in_arrangement", "-", "-", "-", "-"}},
    {event_type::call_logged,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::letter_sent,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "closed"}},
    {event_type::reason_recorded,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::dispute_opened,
     {"current", "overdue", "overdue", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::evidence_added,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::dispute_resolved,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::promise_made,
     {"-", "promised", "promised", "-", "-", "with_agency", "in_legal", "-"}},
    {event_type::promise_broken, {"-", "-", "overdue", "-", "-", "with_agency", "in_legal", "-"}},
    {event_type::arrangement_agreed,
     {"-", "in_arrangement", "in_arrangement", "-", "-", "-", "-", "-"}},
    {event_type::instalment_paid, {"-", "-", "-", "in_arrangement", "-", "-", "-", "-"}},
    {event_type::instalment_missed, {"-", "-", "-", "in_arrangement", "-", "-", "-", "-"}},
    {event_type::arrangement_broken, {"-", "-", "-", "overdue", "-", "-", "-", "-"}},
    {event_type::handed_to_agency, {"-", "with_agency", "-", "-", "-", "-", "-", "-"}},
    {event_type::legal_started, {"-", "in_legal", "-", "-", "in_legal", "in_legal", "-", "-"}},
    {event_type::written_off,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::marketing_suppressed,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "-"}},
    {event_type::marketing_reactivated,
     {"current", "overdue", "promised", "in_arrangement", "disputed", "with_agency", "in_legal",
      "closed"}},
    {event_type::case_closed,
     {"!case_not_settled", "!case_not_settled", "!case_not_settled", "!case_not_settled",
      "!case_not_settled", "!case_not_settled", "!case_not_settled", "-"}},
};

TEST(case_transitions, every_state_and_every_event_does_what_the_table_says) {
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(event_type_count));
  int cells = 0;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<case_state>>([&](auto state_d) {
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<event_type>>([&](auto type_d) {
      const case_state state = state_d.value;
      const event_type type = type_d.value;
      SCOPED_TRACE(std::string(type_d.name) + " in " + state_d.name);
      ++cells;
      collection_case c = fixture(state, type);
      const collection_case before = c;
      const std::string want = expected.at(type)[static_cast<std::size_t>(state)];
      const auto refused = c.try_apply(canonical(type));
      if (want == "-" || want.front() == '!') {
        ASSERT_TRUE(refused.has_value());
        EXPECT_EQ(std::string(error_name(refused->code)),
                  want == "-" ? std::string("event_not_allowed") : want.substr(1));
        EXPECT_EQ(refused->state, state);
        EXPECT_EQ(refused->type, type);
        EXPECT_NE(refused->message.find(type_d.name), std::string::npos) << refused->message;
        EXPECT_TRUE(c.same_state(before)) << "a refused event changed the case";
        EXPECT_EQ(c.history().size(), before.history().size());
        EXPECT_EQ(transition_for(state, type).kind == transition_kind::reject, want == "-");
      } else {
        ASSERT_FALSE(refused.has_value()) << refused->message;
        EXPECT_EQ(std::string(boost::describe::enum_to_string(c.state(), "?")), want);
        EXPECT_EQ(c.history().size(), before.history().size() + 1);
        EXPECT_EQ(c.history().back().type(), type);
      }
    });
  });
  EXPECT_EQ(cells, case_state_count * event_type_count);
}

TEST(case_transitions, rejects_payment_on_closed_case) {
  collection_case c = fixture(case_state::closed, event_type::payment_received);
  EXPECT_EQ(c.outcome(), case_outcome::paid);
  try {
    c.apply({today, payment_received{eur("1.00"), {}, ""}});
    FAIL() << "a payment on a closed case was accepted";
  } catch (const transition_error& refused) {
    EXPECT_EQ(refused.code(), errc::event_not_allowed);
    EXPECT_EQ(refused.state(), case_state::closed);
    EXPECT_EQ(refused.type(), event_type::payment_received);
    EXPECT_NE(std::string(refused.what()).find("payment_received is not allowed in state closed"),
              std::string::npos)
        << refused.what();
  }
}

}  // namespace
}  // namespace arrears
