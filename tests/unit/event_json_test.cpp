// Events as JSON, as accounting software relies on it: every event type survives the round
// trip, hand-written shapes (flat claims, terms instead of due dates) read as documented, and
// every malformed input is refused with a message that names the location and the field.

#include <arrears/io/event_json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/describe/members.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>

#include <climits>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace arrears {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const currency eur = currency::from_code("EUR");
money euros(std::int64_t cents) { return {cents, eur}; }
date day(const char* text) { return parse_date(text); }

boost::json::object parse_object(std::string_view text) {
  return boost::json::parse(text).as_object();
}

event read(std::string_view text) { return event_from_json(parse_object(text), "events.jsonl:3"); }

/// The error event_from_json throws for `text` (read at "events.jsonl:3").
error error_for(std::string_view text) {
  try {
    (void)read(text);
  } catch (const error& failure) {
    return failure;
  }
  ADD_FAILURE() << "no error for " << text;
  return error(errc::ok, "");
}

/// Equal member by member (event bodies have no operator==; their members do).
template <class T>
bool same_body(const T& a, const T& b) {
  bool same = true;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) { same = same && a.*member.pointer == b.*member.pointer; });
  return same;
}

bool same_event(const event& a, const event& b) {
  if (a.meta.on != b.meta.on || a.meta.actor != b.meta.actor || a.meta.note != b.meta.note)
    return false;
  if (a.body.index() != b.body.index()) return false;
  return std::visit(
      [&](const auto& body) {
        return same_body(body, std::get<std::decay_t<decltype(body)>>(b.body));
      },
      a.body);
}

/// One event of each type, every field set to something other than its default.
std::vector<event> one_populated_event_per_type() {
  const claim invoice{"INV-1",
                      claim_kind::invoice,
                      day("2025-01-06"),
                      day("2025-02-05"),
                      euros(121000),
                      euros(21000),
                      "Consulting, January",
                      false,
                      payment_terms{terms_basis::net, 30}};
  const claim note{"CN-1",
                   claim_kind::credit_note,
                   day("2025-03-01"),
                   day("2025-03-01"),
                   euros(24200),
                   euros(4200),
                   "Two damaged chairs",
                   true,
                   std::nullopt};
  const debtor_profile profile{"D-1",
                               "Sanne de Graaf",
                               debtor_kind::consumer,
                               "en",
                               {"sanne@example.nl", "+31 6 1234 5678", "Lindenlaan 4, Nijmegen"},
                               euros(500000),
                               payment_terms{terms_basis::end_of_month, 15}};
  return {
      {day("2025-01-06"), claim_added{invoice}, "ledger", "first invoice"},
      {day("2025-01-06"), debtor_updated{profile}, "ledger", "new address"},
      {day("2025-01-07"), terms_changed{{terms_basis::end_of_month, 30}, {"INV-1", "INV-2"}},
       "ledger"},
      {day("2025-01-08"), payment_received{euros(5000), {"INV-2", "INV-1"}, "NL91 / INV-1"},
       "bank"},
      {day("2025-01-09"), credit_note_issued{note, "INV-1"}, "ledger"},
      {day("2025-01-10"), costs_charged{euros(4000), "BIK minimum"}, "policy"},
      {day("2025-01-11"), interest_charged{euros(1234), day("2025-01-10"), "6:119a, 11.15 %"},
       "policy"},
      {day("2025-01-12"), reminder_sent{2, channel::sms}, "policy", "second"},
      {day("2025-01-13"), call_logged{true, reason::cannot_pay}, "m.visser"},
      {day("2025-01-14"), letter_sent{letter_kind::formal_notice, channel::registered_post}},
      {day("2025-01-15"), reason_recorded{reason::administrative}},
      {day("2025-01-16"), dispute_opened{"INV-1", euros(20000), dispute_category::quality}},
      {day("2025-01-17"), evidence_added{"INV-1", "photos", "mail 2025-01-16"}},
      {day("2025-01-18"), dispute_resolved{"INV-1", verdict::partially_valid, euros(10000)}},
      {day("2025-01-19"), promise_made{euros(30000), day("2025-02-01")}},
      {day("2025-01-20"), promise_broken{}, "policy"},
      {day("2025-01-21"),
       arrangement_agreed{{{day("2025-02-01"), euros(10000)}, {day("2025-03-01"), euros(20055)}}}},
      {day("2025-01-22"), instalment_paid{2, euros(20055)}},
      {day("2025-01-23"), instalment_missed{3}},
      {day("2025-01-24"), arrangement_broken{}},
      {day("2025-01-25"), handed_to_agency{"Incassobureau Noord B.V."}},
      {day("2025-01-26"), legal_started{"C/13/765432"}},
      {day("2025-01-27"), written_off{write_off_reason::prescribed, "INV-1", euros(999)}},
      {day("2025-01-28"), marketing_suppressed{}},
      {day("2025-01-29"), marketing_reactivated{}},
      {day("2025-01-30"), case_closed{}, "j.smit", "settled outside the books"},
  };
}

/// Events at the edges of the text form: strings that need escaping (quotes, backslashes,
/// control characters, DEL) or are UTF-8, currencies with 0 and 3 decimals and "XXX", zero
/// and negative amounts, the smallest whole number, the first and last dates.
std::vector<event> events_at_the_edges() {
  const currency jpy = currency::from_code("JPY");
  const currency kwd = currency::from_code("KWD");
  debtor_profile escaped;
  escaped.id = "D-2";
  escaped.name = "Quote \" back \\ slash / tab\t nl\n cr\r ff\f bs\b ctl\x01\x1f del\x7f";
  escaped.kind = debtor_kind::business;
  debtor_profile utf8;
  utf8.id = "D-3";
  utf8.name = "Ren\u00e9e \u20ac \U0001F600";
  utf8.kind = debtor_kind::public_body;
  utf8.relationship_value = euros(0);
  const claim yen{"INV-\u20ac",
                  claim_kind::invoice,
                  day("2025-01-06"),
                  day("2025-01-06"),
                  money(12345, jpy),
                  money(0, jpy),
                  "",
                  true,
                  std::nullopt};
  const claim yen_note{"CN-2",
                       claim_kind::credit_note,
                       day("2025-01-10"),
                       day("2025-01-10"),
                       money(500, jpy),
                       money(0, jpy),
                       "",
                       true,
                       std::nullopt};
  return {
      {day("2025-01-06"), debtor_updated{escaped}, "a\"ctor", "no\\te\n"},
      {day("2025-01-06"), debtor_updated{utf8}},
      {day("2025-01-06"), claim_added{yen}},
      {day("2025-01-07"), payment_received{money(1, kwd), {}, {}}},
      {day("2025-01-07"), payment_received{money(-150, kwd), {"A", "B", "C"}, ""}},
      {day("2025-01-08"), written_off{write_off_reason::goodwill, "", std::nullopt}},
      {day("2025-01-08"), written_off{write_off_reason::uncollectible, "X", money(0, jpy)}},
      {day("2025-01-09"), dispute_resolved{"INV-1", verdict::valid, money{}}},
      {day("2025-01-09"), dispute_opened{"INV-1", euros(5), dispute_category::other}},
      {day("2025-01-10"), call_logged{false, std::nullopt}},
      {day("2025-01-10"), reminder_sent{1, channel::email}},
      {day("2025-01-10"), instalment_missed{INT_MIN}},
      {day("2025-01-10"), terms_changed{{terms_basis::net, 0}, {}}},
      {day("2025-01-10"), interest_charged{euros(0), day("2025-01-10"), ""}},
      {day("2025-01-10"), costs_charged{money(-5, jpy), ""}},
      {day("2025-01-10"), promise_made{money(999999999999, jpy), day("9999-12-31")}},
      {day("1400-01-01"), case_closed{}, "", ""},
      {day("2025-01-10"), payment_received{money{}, {}, {}}},
      {day("2025-01-10"), credit_note_issued{yen_note, ""}},
      {day("2025-01-10"), arrangement_agreed{{{day("2025-02-01"), money(0, jpy)},
                                              {day("2025-03-01"), money(7, jpy)}}}},
  };
}

/// What boost::json::serialize wrote for each event when to_json built a boost::json::object
/// field by field (recorded from that writer), one_populated_event_per_type() then
/// events_at_the_edges(): append_json must keep writing exactly these bytes, as stores and
/// streams already hold them.
const std::vector<std::string_view>& text_as_serialized_from_objects() {
  static const std::vector<std::string_view> lines{
      R"({"type":"claim_added","date":"2025-01-06","claim":"INV-1","issue_date":"2025-01-06","due_date":"2025-02-05","amount":"1210.00","vat":"210.00","currency":"EUR","description":"Consulting, January","has_required_content":false,"terms":"net 30","actor":"ledger","note":"first invoice"})",
      R"({"type":"debtor_updated","date":"2025-01-06","debtor":"D-1","name":"Sanne de Graaf","kind":"consumer","language":"en","email":"sanne@example.nl","phone":"+31 6 1234 5678","postal_address":"Lindenlaan 4, Nijmegen","relationship_value":"5000.00","currency":"EUR","terms":"eom 15","actor":"ledger","note":"new address"})",
      R"({"type":"terms_changed","date":"2025-01-07","terms":"eom 30","claims":["INV-1","INV-2"],"actor":"ledger"})",
      R"({"type":"payment_received","date":"2025-01-08","amount":"50.00","currency":"EUR","designation":["INV-2","INV-1"],"reference":"NL91 / INV-1","actor":"bank"})",
      R"({"type":"credit_note_issued","date":"2025-01-09","credit_note":"CN-1","issue_date":"2025-03-01","amount":"242.00","vat":"42.00","currency":"EUR","description":"Two damaged chairs","against":"INV-1","actor":"ledger"})",
      R"({"type":"costs_charged","date":"2025-01-10","amount":"40.00","currency":"EUR","basis":"BIK minimum","actor":"policy"})",
      R"({"type":"interest_charged","date":"2025-01-11","amount":"12.34","currency":"EUR","through":"2025-01-10","basis":"6:119a, 11.15 %","actor":"policy"})",
      R"({"type":"reminder_sent","date":"2025-01-12","level":2,"channel":"sms","actor":"policy","note":"second"})",
      R"({"type":"call_logged","date":"2025-01-13","reached":true,"reason":"cannot_pay","actor":"m.visser"})",
      R"({"type":"letter_sent","date":"2025-01-14","kind":"formal_notice","channel":"registered_post"})",
      R"({"type":"reason_recorded","date":"2025-01-15","reason":"administrative"})",
      R"({"type":"dispute_opened","date":"2025-01-16","claim":"INV-1","amount":"200.00","currency":"EUR","category":"quality"})",
      R"({"type":"evidence_added","date":"2025-01-17","claim":"INV-1","description":"photos","reference":"mail 2025-01-16"})",
      R"({"type":"dispute_resolved","date":"2025-01-18","claim":"INV-1","verdict":"partially_valid","justified_amount":"100.00","currency":"EUR"})",
      R"({"type":"promise_made","date":"2025-01-19","amount":"300.00","currency":"EUR","due":"2025-02-01"})",
      R"({"type":"promise_broken","date":"2025-01-20","actor":"policy"})",
      R"({"type":"arrangement_agreed","date":"2025-01-21","schedule":[{"due":"2025-02-01","amount":"100.00"},{"due":"2025-03-01","amount":"200.55"}],"currency":"EUR"})",
      R"({"type":"instalment_paid","date":"2025-01-22","number":2,"amount":"200.55","currency":"EUR"})",
      R"({"type":"instalment_missed","date":"2025-01-23","number":3})",
      R"({"type":"arrangement_broken","date":"2025-01-24"})",
      R"({"type":"handed_to_agency","date":"2025-01-25","agency":"Incassobureau Noord B.V."})",
      R"({"type":"legal_started","date":"2025-01-26","reference":"C/13/765432"})",
      R"({"type":"written_off","date":"2025-01-27","reason":"prescribed","claim":"INV-1","amount":"9.99","currency":"EUR"})",
      R"({"type":"marketing_suppressed","date":"2025-01-28"})",
      R"({"type":"marketing_reactivated","date":"2025-01-29"})",
      R"({"type":"case_closed","date":"2025-01-30","actor":"j.smit","note":"settled outside the books"})",
      R"({"type":"debtor_updated","date":"2025-01-06","debtor":"D-2","name":"Quote \" back \\ slash / tab\t nl\n cr\r ff\f bs\b ctl\u0001\u001f del)"
      "\x7f"
      R"(","kind":"business","language":"nl","actor":"a\"ctor","note":"no\\te\n"})",
      R"({"type":"debtor_updated","date":"2025-01-06","debtor":"D-3","name":"Renée € 😀","kind":"public_body","language":"nl","relationship_value":"0.00","currency":"EUR"})",
      R"({"type":"claim_added","date":"2025-01-06","claim":"INV-€","issue_date":"2025-01-06","due_date":"2025-01-06","amount":"12345","currency":"JPY"})",
      R"({"type":"payment_received","date":"2025-01-07","amount":"0.001","currency":"KWD"})",
      R"({"type":"payment_received","date":"2025-01-07","amount":"-0.150","currency":"KWD","designation":["A","B","C"]})",
      R"({"type":"written_off","date":"2025-01-08","reason":"goodwill"})",
      R"({"type":"written_off","date":"2025-01-08","reason":"uncollectible","claim":"X","amount":"0","currency":"JPY"})",
      R"({"type":"dispute_resolved","date":"2025-01-09","claim":"INV-1","verdict":"valid"})",
      R"({"type":"dispute_opened","date":"2025-01-09","claim":"INV-1","amount":"0.05","currency":"EUR"})",
      R"({"type":"call_logged","date":"2025-01-10","reached":false})",
      R"({"type":"reminder_sent","date":"2025-01-10","level":1,"channel":"email"})",
      R"({"type":"instalment_missed","date":"2025-01-10","number":-2147483648})",
      R"({"type":"terms_changed","date":"2025-01-10","terms":"net 0"})",
      R"({"type":"interest_charged","date":"2025-01-10","amount":"0.00","currency":"EUR","through":"2025-01-10"})",
      R"({"type":"costs_charged","date":"2025-01-10","amount":"-5","currency":"JPY"})",
      R"({"type":"promise_made","date":"2025-01-10","amount":"999999999999","currency":"JPY","due":"9999-12-31"})",
      R"({"type":"case_closed","date":"1400-01-01"})",
      R"({"type":"payment_received","date":"2025-01-10","amount":"0","currency":"XXX"})",
      R"({"type":"credit_note_issued","date":"2025-01-10","credit_note":"CN-2","issue_date":"2025-01-10","amount":"500","currency":"JPY"})",
      R"({"type":"arrangement_agreed","date":"2025-01-10","schedule":[{"due":"2025-02-01","amount":"0"},{"due":"2025-03-01","amount":"7"}],"currency":"JPY"})",
  };
  return lines;
}

std::vector<std::string> keys_of(const boost::json::object& object) {
  std::vector<std::string> keys;
  for (const auto& entry : object) keys.emplace_back(entry.key());
  return keys;
}

// --- round trips -------------------------------------------------------------------------

TEST(event_json, round_trips_a_populated_event_of_every_type) {
  const auto events = one_populated_event_per_type();
  std::set<event_type> covered;
  for (const auto& original : events) {
    SCOPED_TRACE(event_type_name(original.type()));
    covered.insert(original.type());
    const boost::json::object written = to_json(original);
    const event back = event_from_json(written, "test");
    EXPECT_EQ(to_json(back), written);
    EXPECT_TRUE(same_event(back, original)) << boost::json::serialize(written);
    // Through text too, as a file would carry it.
    EXPECT_EQ(to_json(event_from_json(parse_object(boost::json::serialize(written)), "test")),
              written);
  }
  EXPECT_EQ(covered.size(), static_cast<std::size_t>(event_type_count)) << "one event per type";
}

TEST(event_json, writes_text_byte_for_byte_as_serializing_the_object_did) {
  std::vector<event> events = one_populated_event_per_type();
  for (event& e : events_at_the_edges()) events.push_back(std::move(e));
  const auto& expected = text_as_serialized_from_objects();
  ASSERT_EQ(events.size(), expected.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    SCOPED_TRACE(expected[i]);
    std::string text = "kept";
    append_json(text, events[i]);
    EXPECT_EQ(text, "kept" + std::string(expected[i])) << "appends, leaving what was there";
    EXPECT_EQ(boost::json::serialize(to_json(events[i])), expected[i]);
  }
}

TEST(event_json, reads_its_own_text_back_to_an_equal_event_of_every_type) {
  std::vector<event> events = one_populated_event_per_type();
  for (event& e : events_at_the_edges()) events.push_back(std::move(e));
  std::set<event_type> covered;
  for (const event& original : events) {
    std::string text;
    append_json(text, original);
    SCOPED_TRACE(text);
    covered.insert(original.type());
    const event back = event_from_json(parse_object(text), "test");
    EXPECT_TRUE(same_event(back, original));
    std::string again;
    append_json(again, back);
    EXPECT_EQ(again, text);
  }
  EXPECT_EQ(covered.size(), static_cast<std::size_t>(event_type_count)) << "every type";
}

TEST(event_json, a_failed_append_leaves_the_text_as_it_was) {
  const currency usd = currency::from_code("USD");
  const event mixed(day("2025-01-21"), arrangement_agreed{{{day("2025-02-01"), euros(10000)},
                                                           {day("2025-03-01"), money(5, usd)}}});
  std::string text = "before";
  EXPECT_THROW(append_json(text, mixed), error);
  EXPECT_EQ(text, "before");
  EXPECT_THROW(append_json(text, event(date(), promise_broken{})), error) << "no date";
  EXPECT_EQ(text, "before");
}

TEST(event_json, writes_keys_in_the_documented_order) {
  const auto events = one_populated_event_per_type();
  EXPECT_EQ(keys_of(to_json(events[0])),
            (std::vector<std::string>{"type", "date", "claim", "issue_date", "due_date", "amount",
                                      "vat", "currency", "description", "has_required_content",
                                      "terms", "actor", "note"}));
  EXPECT_EQ(keys_of(to_json(events[3])),
            (std::vector<std::string>{"type", "date", "amount", "currency", "designation",
                                      "reference", "actor"}));
  EXPECT_EQ(keys_of(to_json(events[16])),
            (std::vector<std::string>{"type", "date", "schedule", "currency"}));
}

TEST(event_json, writes_amounts_as_decimal_strings_with_one_currency) {
  const auto object = to_json(event(day("2025-02-14"), payment_received{euros(145200), {}, {}}));
  EXPECT_EQ(
      boost::json::serialize(object),
      R"({"type":"payment_received","date":"2025-02-14","amount":"1452.00","currency":"EUR"})");
}

TEST(event_json, writes_call_logged_reason_under_its_json_name) {
  const auto object = to_json(event(day("2025-02-12"), call_logged{true, reason::cannot_pay}));
  EXPECT_EQ(boost::json::serialize(object),
            R"({"type":"call_logged","date":"2025-02-12","reached":true,"reason":"cannot_pay"})");
}

TEST(event_json, omits_empty_optional_fields_and_reads_them_back_as_defaults) {
  const event e = read(R"({"type":"written_off","date":"2025-04-15","reason":"goodwill"})");
  const auto& body = std::get<written_off>(e.body);
  EXPECT_TRUE(body.claim.empty());
  EXPECT_FALSE(body.amount.has_value()) << "no amount means everything open";
  EXPECT_EQ(e.meta.actor, "");
  EXPECT_EQ(boost::json::serialize(to_json(e)),
            R"({"type":"written_off","date":"2025-04-15","reason":"goodwill"})");

  const event resolved =
      read(R"({"type":"dispute_resolved","date":"2025-03-14","claim":"INV-1","verdict":"valid"})");
  EXPECT_TRUE(std::get<dispute_resolved>(resolved.body).justified_amount.is_zero());
  const event opened = read(
      R"({"type":"dispute_opened","date":"2025-03-07","claim":"INV-1","amount":"5.00","currency":"EUR"})");
  EXPECT_EQ(std::get<dispute_opened>(opened.body).category, dispute_category::other);
}

TEST(event_json, reads_a_flat_hand_written_claim_with_defaults) {
  const event e = read(
      R"({"type":"claim_added","date":"2025-01-06","claim":"INV-1","issue_date":"2025-01-06","due_date":"2025-02-05","amount":"121.00","currency":"EUR"})");
  const claim& invoice = std::get<claim_added>(e.body).invoice;
  EXPECT_EQ(invoice.id, "INV-1");
  EXPECT_EQ(invoice.kind, claim_kind::invoice);
  EXPECT_EQ(invoice.amount, euros(12100));
  EXPECT_EQ(invoice.vat, euros(0)) << "vat defaults to 0";
  EXPECT_TRUE(invoice.has_required_content) << "has_required_content defaults to true";
  EXPECT_FALSE(invoice.terms.has_value());
}

TEST(event_json, computes_due_date_from_terms_when_it_is_left_out) {
  const event net = read(
      R"({"type":"claim_added","date":"2025-01-06","claim":"INV-1","issue_date":"2025-01-06","amount":"121.00","currency":"EUR","terms":"net 14"})");
  EXPECT_EQ(std::get<claim_added>(net.body).invoice.due_date, day("2025-01-20"));
  const event end_of_month = read(
      R"({"type":"claim_added","date":"2025-01-15","claim":"INV-2","issue_date":"2025-01-15","amount":"121.00","currency":"EUR","terms":"eom 30"})");
  EXPECT_EQ(std::get<claim_added>(end_of_month.body).invoice.due_date, day("2025-03-02"))
      << "30 days after 31 January";
  const event explicit_date = read(
      R"({"type":"claim_added","date":"2025-01-15","claim":"INV-3","issue_date":"2025-01-15","due_date":"2025-02-17","amount":"121.00","currency":"EUR","terms":"net 30"})");
  EXPECT_EQ(std::get<claim_added>(explicit_date.body).invoice.due_date, day("2025-02-17"))
      << "a given due date wins (e.g. rolled to a business day)";
}

TEST(event_json, requires_due_date_or_terms) {
  const error failure = error_for(
      R"({"type":"claim_added","date":"2025-01-06","claim":"INV-1","issue_date":"2025-01-06","amount":"121.00","currency":"EUR"})");
  EXPECT_EQ(failure.code(), errc::missing_field);
  EXPECT_THAT(failure.what(), StartsWith("events.jsonl:3: claim_added: field 'due_date': missing"));
  EXPECT_THAT(failure.what(), HasSubstr("\"terms\""));
}

TEST(event_json, reads_a_credit_note_flat_with_its_issue_date_as_due_date) {
  const event e = read(
      R"({"type":"credit_note_issued","date":"2025-03-17","credit_note":"CN-1","issue_date":"2025-03-17","amount":"605.00","vat":"105.00","currency":"EUR","against":"INV-1"})");
  const auto& body = std::get<credit_note_issued>(e.body);
  EXPECT_EQ(body.credit_note.kind, claim_kind::credit_note);
  EXPECT_EQ(body.credit_note.due_date, day("2025-03-17"));
  EXPECT_EQ(body.credit_note.vat, euros(10500));
  EXPECT_EQ(body.against, "INV-1");
}

TEST(event_json, reads_a_flat_debtor_with_contact_details) {
  const event e = read(
      R"({"type":"debtor_updated","date":"2025-01-06","debtor":"D-1","name":"Café De Zwaan","kind":"business","email":"info@example.nl","relationship_value":"5000.00","currency":"EUR","terms":"net 14"})");
  const debtor_profile& profile = std::get<debtor_updated>(e.body).debtor;
  EXPECT_EQ(profile.name, "Café De Zwaan");
  EXPECT_EQ(profile.language, "nl") << "language defaults to nl";
  EXPECT_EQ(profile.contact.email, "info@example.nl");
  EXPECT_EQ(profile.relationship_value, euros(500000));
  EXPECT_EQ(profile.terms, (payment_terms{terms_basis::net, 14}));
}

TEST(event_json, reads_an_instalment_schedule_in_the_objects_currency) {
  const event e = read(
      R"({"type":"arrangement_agreed","date":"2025-02-14","schedule":[{"due":"2025-03-01","amount":"200.00"},{"due":"2025-04-01","amount":"150.50"}],"currency":"EUR"})");
  const auto& schedule = std::get<arrangement_agreed>(e.body).schedule;
  ASSERT_EQ(schedule.size(), 2u);
  EXPECT_EQ(schedule[1], (instalment{day("2025-04-01"), euros(15050)}));
}

TEST(event_json, reads_amounts_in_the_precision_of_their_currency) {
  const event yen =
      read(R"({"type":"payment_received","date":"2025-02-14","amount":"1500","currency":"JPY"})");
  EXPECT_EQ(std::get<payment_received>(yen.body).amount, money(1500, currency::from_code("JPY")));
  EXPECT_EQ(
      error_for(
          R"({"type":"payment_received","date":"2025-02-14","amount":"1500.5","currency":"JPY"})")
          .code(),
      errc::invalid_amount);
}

// --- errors: each code, naming the location and the field ---------------------------------

TEST(event_json, rejects_an_amount_written_as_a_number_naming_line_and_field) {
  const error failure = error_for(
      R"({"type":"payment_received","date":"2025-03-01","amount":12.5,"currency":"EUR"})");
  EXPECT_EQ(failure.code(), errc::wrong_type);
  EXPECT_STREQ(
      failure.what(),
      R"(events.jsonl:3: payment_received: field 'amount': expected a decimal string such as "12.50", got a number)");
}

TEST(event_json, rejects_wrong_json_types_naming_the_field) {
  const error level =
      error_for(R"({"type":"reminder_sent","date":"2025-03-01","level":"1","channel":"email"})");
  EXPECT_EQ(level.code(), errc::wrong_type);
  EXPECT_THAT(level.what(),
              StartsWith("events.jsonl:3: reminder_sent: field 'level': expected a whole number"));
  EXPECT_THAT(level.what(), HasSubstr("got a string"));

  const error reached = error_for(R"({"type":"call_logged","date":"2025-03-01","reached":"yes"})");
  EXPECT_EQ(reached.code(), errc::wrong_type);
  EXPECT_THAT(reached.what(), HasSubstr("field 'reached': expected true or false, got a string"));

  const error designation = error_for(
      R"({"type":"payment_received","date":"2025-03-01","amount":"1.00","currency":"EUR","designation":["INV-1",7]})");
  EXPECT_EQ(designation.code(), errc::wrong_type);
  EXPECT_THAT(designation.what(),
              HasSubstr("field 'designation[1]': expected a string, got a number"));

  const error fraction =
      error_for(R"({"type":"instalment_missed","date":"2025-03-01","number":1.5})");
  EXPECT_EQ(fraction.code(), errc::wrong_type);
}

TEST(event_json, rejects_a_missing_required_field_naming_it) {
  const error amount =
      error_for(R"({"type":"payment_received","date":"2025-03-01","currency":"EUR"})");
  EXPECT_EQ(amount.code(), errc::missing_field);
  EXPECT_THAT(amount.what(),
              StartsWith("events.jsonl:3: payment_received: field 'amount': missing; expected a "
                         "decimal string such as \"12.50\""));

  const error date_missing = error_for(R"({"type":"promise_broken"})");
  EXPECT_EQ(date_missing.code(), errc::missing_field);
  EXPECT_THAT(date_missing.what(),
              StartsWith("events.jsonl:3: promise_broken: field 'date': missing"));

  const error type_missing = error_for(R"({"date":"2025-03-01"})");
  EXPECT_EQ(type_missing.code(), errc::missing_field);
  EXPECT_THAT(type_missing.what(), StartsWith("events.jsonl:3: field 'type': missing"));

  const error null_is_missing =
      error_for(R"({"type":"reminder_sent","date":"2025-03-01","level":null,"channel":"email"})");
  EXPECT_EQ(null_is_missing.code(), errc::missing_field);
}

TEST(event_json, requires_the_currency_whenever_an_amount_is_present) {
  const error failure =
      error_for(R"({"type":"payment_received","date":"2025-03-01","amount":"12.50"})");
  EXPECT_EQ(failure.code(), errc::missing_field);
  EXPECT_THAT(failure.what(),
              StartsWith("events.jsonl:3: payment_received: field 'currency': missing"));
  // No amount, no currency needed: a write-off of everything open.
  EXPECT_NO_THROW(read(R"({"type":"written_off","date":"2025-03-01","reason":"uncollectible"})"));
}

TEST(event_json, rejects_a_field_in_an_instalment_naming_its_index) {
  const error failure = error_for(
      R"({"type":"arrangement_agreed","date":"2025-02-14","schedule":[{"due":"2025-03-01","amount":"200.00"},{"due":"2025-04-01"}],"currency":"EUR"})");
  EXPECT_EQ(failure.code(), errc::missing_field);
  EXPECT_THAT(
      failure.what(),
      StartsWith("events.jsonl:3: arrangement_agreed: field 'schedule[1].amount': missing"));

  const error typo = error_for(
      R"({"type":"arrangement_agreed","date":"2025-02-14","schedule":[{"due":"2025-03-01","amout":"200.00"}],"currency":"EUR"})");
  EXPECT_EQ(typo.code(), errc::unknown_field);
  EXPECT_THAT(typo.what(),
              HasSubstr("field 'schedule[0].amout': unknown field; did you mean 'amount'?"));
}

TEST(event_json, rejects_an_unknown_event_type_suggesting_the_closest) {
  const error near = error_for(R"({"type":"payment_recieved","date":"2025-03-01"})");
  EXPECT_EQ(near.code(), errc::unknown_event_type);
  EXPECT_STREQ(near.what(),
               "events.jsonl:3: field 'type': unknown event type 'payment_recieved'; did you mean "
               "'payment_received'?");

  const error far = error_for(R"({"type":"invoice_paid","date":"2025-03-01"})");
  EXPECT_EQ(far.code(), errc::unknown_event_type);
  EXPECT_THAT(far.what(), Not(HasSubstr("did you mean")));
  EXPECT_THAT(far.what(), HasSubstr("docs/events.md"));
}

TEST(event_json, rejects_unknown_field_naming_line_and_field) {
  const error failure = error_for(
      R"({"type":"payment_received","date":"2025-03-01","amuont":"12.50","currency":"EUR"})");
  EXPECT_EQ(failure.code(), errc::unknown_field);
  EXPECT_STREQ(
      failure.what(),
      "events.jsonl:3: payment_received: field 'amuont': unknown field; did you mean 'amount'?");

  const error far = error_for(R"({"type":"promise_broken","date":"2025-03-01","reason":"forgot"})");
  EXPECT_EQ(far.code(), errc::unknown_field);
  EXPECT_THAT(far.what(), HasSubstr("expected one of 'type', 'date', 'actor', 'note'"));

  const error currency_without_amounts =
      error_for(R"({"type":"promise_broken","date":"2025-03-01","currency":"EUR"})");
  EXPECT_EQ(currency_without_amounts.code(), errc::unknown_field)
      << "promise_broken has no amounts";

  const error case_field =
      error_for(R"({"case":"C-1","type":"promise_broken","date":"2025-03-01"})");
  EXPECT_EQ(case_field.code(), errc::unknown_field)
      << "\"case\" belongs to stream lines, not events";
}

TEST(event_json, rejects_an_unknown_enumerator_suggesting_the_closest) {
  const error failure =
      error_for(R"({"type":"reminder_sent","date":"2025-03-01","level":1,"channel":"emial"})");
  EXPECT_EQ(failure.code(), errc::invalid_value);
  EXPECT_THAT(failure.what(),
              StartsWith("events.jsonl:3: reminder_sent: field 'channel': unknown value 'emial'; "
                         "did you mean 'email'?"));
  EXPECT_THAT(failure.what(), HasSubstr("\"registered_post\""));
}

TEST(event_json, rejects_a_whole_number_out_of_range) {
  const error failure = error_for(
      R"({"type":"reminder_sent","date":"2025-03-01","level":99999999999,"channel":"email"})");
  EXPECT_EQ(failure.code(), errc::invalid_value);
  EXPECT_THAT(failure.what(), HasSubstr("field 'level'"));
}

TEST(event_json, rejects_malformed_amounts) {
  for (const char* amount : {"12.505", "1,200.00", "1.2e3", "", "twelve", "12."}) {
    SCOPED_TRACE(amount);
    const error failure =
        error_for(std::string(R"({"type":"payment_received","date":"2025-03-01","amount":")") +
                  amount + R"(","currency":"EUR"})");
    EXPECT_EQ(failure.code(), errc::invalid_amount);
    EXPECT_THAT(failure.what(),
                StartsWith("events.jsonl:3: payment_received: field 'amount': invalid amount '"));
  }
}

TEST(event_json, rejects_malformed_dates) {
  const error impossible = error_for(R"({"type":"promise_broken","date":"2025-02-30"})");
  EXPECT_EQ(impossible.code(), errc::invalid_date);
  EXPECT_STREQ(impossible.what(),
               "events.jsonl:3: promise_broken: field 'date': invalid date '2025-02-30': expected "
               "YYYY-MM-DD, a real "
               "calendar date");
  EXPECT_EQ(error_for(R"({"type":"promise_broken","date":"14-03-2025"})").code(),
            errc::invalid_date);
  EXPECT_EQ(
      error_for(
          R"({"type":"promise_made","date":"2025-03-01","amount":"1.00","currency":"EUR","due":"2025-3-14"})")
          .code(),
      errc::invalid_date);
}

TEST(event_json, rejects_an_unknown_currency) {
  const error failure = error_for(
      R"({"type":"payment_received","date":"2025-03-01","amount":"1.00","currency":"EURO"})");
  EXPECT_EQ(failure.code(), errc::unknown_currency);
  EXPECT_THAT(
      failure.what(),
      StartsWith("events.jsonl:3: payment_received: field 'currency': unknown currency 'EURO'"));
  // Checked even where no amount needs it.
  EXPECT_EQ(
      error_for(
          R"({"type":"written_off","date":"2025-03-01","reason":"goodwill","currency":"XYZ"})")
          .code(),
      errc::unknown_currency);
}

TEST(event_json, rejects_malformed_payment_terms) {
  const error failure =
      error_for(R"({"type":"terms_changed","date":"2025-03-01","terms":"net30"})");
  EXPECT_EQ(failure.code(), errc::invalid_terms);
  EXPECT_THAT(
      failure.what(),
      StartsWith("events.jsonl:3: terms_changed: field 'terms': invalid payment terms 'net30'"));
  EXPECT_EQ(error_for(R"({"type":"terms_changed","date":"2025-03-01","terms":"net 400"})").code(),
            errc::invalid_terms);
}

TEST(event_json, refuses_to_write_an_event_with_two_currencies) {
  const event mixed(
      day("2025-01-06"),
      claim_added{claim{"INV-1", claim_kind::invoice, day("2025-01-06"), day("2025-02-05"),
                        euros(12100), money(2100, currency::from_code("USD")), "", true,
                        std::nullopt}});
  try {
    (void)to_json(mixed);
    FAIL() << "no error";
  } catch (const error& failure) {
    EXPECT_EQ(failure.code(), errc::currency_mismatch);
    EXPECT_THAT(failure.what(), HasSubstr("field 'vat' is in USD"));
  }
}

// --- the documentation ---------------------------------------------------------------------

TEST(event_json, reads_every_example_in_docs_events_md) {
  const std::string path = ARREARS_SOURCE_DIR "/docs/events.md";
  std::ifstream doc(path);
  ASSERT_TRUE(doc) << "cannot open " << path;
  std::set<event_type> covered;
  std::size_t examples = 0;
  bool in_json_block = false;
  std::string line;
  for (std::size_t number = 1; std::getline(doc, line); ++number) {
    if (line.rfind("```", 0) == 0) {
      in_json_block = !in_json_block && line == "```json";
      continue;
    }
    if (!in_json_block || line.empty()) continue;
    const std::string where = "docs/events.md:" + std::to_string(number);
    SCOPED_TRACE(where);
    boost::json::object object;
    ASSERT_NO_THROW(object = parse_object(line)) << line;
    object.erase("case");  // the line-format example is a stream line
    try {
      const event e = event_from_json(object, where);
      covered.insert(e.type());
      ++examples;
      EXPECT_EQ(to_json(event_from_json(to_json(e), where)), to_json(e));
    } catch (const error& failure) {
      ADD_FAILURE() << failure.what();
    }
  }
  EXPECT_FALSE(in_json_block) << "an unterminated ```json block";
  EXPECT_GE(examples, static_cast<std::size_t>(event_type_count));
  EXPECT_EQ(covered.size(), static_cast<std::size_t>(event_type_count))
      << "every event type has an example";
}

}  // namespace
}  // namespace arrears
