// Event streams as accounting software hands them over: JSON lines grouped into cases, errors
// located by line (and column), refusals naming the line, and the sample data replaying to the
// states the playbook describes.

#include <arrears/io/event_json.hpp>
#include <arrears/io/event_stream.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace arrears {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const currency eur = currency::from_code("EUR");
money euros(std::int64_t cents) { return {cents, eur}; }
date day(const char* text) { return parse_date(text); }

const std::string test_data = ARREARS_SOURCE_DIR "/tests/data/events/";
const std::string sample_path = ARREARS_SOURCE_DIR "/data/sample/events.jsonl";

std::vector<case_event> read_file(const std::string& path, std::string_view name) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return read_event_stream(in, name);
}

std::vector<case_event> read_text(const std::string& text) {
  std::istringstream in(text);
  return read_event_stream(in, "s.jsonl");
}

error error_reading(const std::string& text) {
  try {
    (void)read_text(text);
  } catch (const error& failure) {
    return failure;
  }
  ADD_FAILURE() << "no error for " << text;
  return error(errc::ok, "");
}

const collection_case& find_case(const std::vector<collection_case>& cases, std::string_view id) {
  for (const auto& c : cases)
    if (c.id() == id) return c;
  throw std::runtime_error("no case " + std::string(id));
}

// --- reading -------------------------------------------------------------------------------

TEST(event_stream, groups_interleaved_cases_in_order_of_first_appearance) {
  const auto events = read_file(test_data + "multi_case.jsonl", "multi_case.jsonl");
  ASSERT_EQ(events.size(), 5u);
  const auto cases = replay_stream(events, "multi_case.jsonl");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].id(), "C-2");
  EXPECT_EQ(cases[1].id(), "C-1");
  EXPECT_EQ(cases[0].event_count(), 3u);
  EXPECT_EQ(cases[0].open_total(), euros(3000));
  EXPECT_EQ(cases[0].state(), case_state::overdue);
  EXPECT_EQ(cases[1].event_count(), 2u);
  EXPECT_EQ(cases[1].state(), case_state::closed);
  EXPECT_EQ(cases[1].outcome(), case_outcome::paid);
}

TEST(event_stream, replays_a_file_as_reading_and_replaying_it_would) {
  const auto from_file = replay_event_file(test_data + "multi_case.jsonl");
  const auto events = read_file(test_data + "multi_case.jsonl", "multi_case.jsonl");
  const auto from_stream = replay_stream(events, "multi_case.jsonl");
  ASSERT_EQ(from_file.size(), from_stream.size());
  for (std::size_t i = 0; i < from_file.size(); ++i)
    EXPECT_TRUE(from_file[i].same_state(from_stream[i])) << from_file[i].id();
  try {
    (void)replay_event_file(test_data + "no-such-file.jsonl");
    FAIL() << "a missing file must throw";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), errc::io_error);
    EXPECT_THAT(e.what(), ::testing::StartsWith("cannot open '"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("no-such-file.jsonl': "));
  }
}

TEST(event_stream, skips_comments_and_blank_lines_but_keeps_line_numbers) {
  const auto events = read_file(test_data + "multi_case.jsonl", "multi_case.jsonl");
  std::vector<std::size_t> lines;
  for (const auto& e : events) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 5, 7, 8, 9}));
  EXPECT_EQ(events[0].case_id, "C-2");
  EXPECT_EQ(std::get<claim_added>(events[0].e.body).invoice.due_date, day("2025-01-24"));
}

TEST(event_stream, reads_crlf_line_endings) {
  const auto events =
      read_text("{\"case\":\"C-1\",\"type\":\"promise_broken\",\"date\":\"2025-01-06\"}\r\n\r\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].e.type(), event_type::promise_broken);
}

TEST(event_stream, reports_invalid_json_with_line_and_column) {
  std::ifstream in(test_data + "invalid_json.jsonl");
  std::string line;
  for (int i = 0; i < 3; ++i) std::getline(in, line);
  const std::size_t column = line.find("tru,") + 1;
  try {
    (void)read_file(test_data + "invalid_json.jsonl", "invalid_json.jsonl");
    FAIL() << "no error";
  } catch (const error& failure) {
    EXPECT_EQ(failure.code(), errc::parse_error);
    EXPECT_THAT(failure.what(),
                StartsWith("invalid_json.jsonl:3:" + std::to_string(column) + ": invalid JSON: "));
  }
}

TEST(event_stream, reports_a_line_that_ends_inside_a_value_at_its_end) {
  const error failure = error_reading("{\"case\":\"C-1\",\n");
  EXPECT_EQ(failure.code(), errc::parse_error);
  EXPECT_THAT(failure.what(), StartsWith("s.jsonl:1:15: invalid JSON: "));
}

TEST(event_stream, reports_trailing_garbage_after_the_object) {
  const std::string line = R"({"case":"C-1","type":"promise_broken","date":"2025-01-06"} x)";
  const error failure = error_reading(line + "\n");
  EXPECT_EQ(failure.code(), errc::parse_error);
  EXPECT_THAT(failure.what(), StartsWith("s.jsonl:1:" + std::to_string(line.find('x') + 1) +
                                         ": invalid JSON: extra data"));
}

TEST(event_stream, requires_a_case_id_on_every_line) {
  const error missing = error_reading("\n{\"type\":\"promise_broken\",\"date\":\"2025-01-06\"}\n");
  EXPECT_EQ(missing.code(), errc::missing_field);
  EXPECT_THAT(missing.what(), StartsWith("s.jsonl:2: field 'case': missing"));

  EXPECT_EQ(
      error_reading("{\"case\":7,\"type\":\"promise_broken\",\"date\":\"2025-01-06\"}\n").code(),
      errc::wrong_type);
  EXPECT_EQ(
      error_reading("{\"case\":\"\",\"type\":\"promise_broken\",\"date\":\"2025-01-06\"}\n").code(),
      errc::invalid_value);
  EXPECT_EQ(error_reading("[1,2]\n").code(), errc::wrong_type);
}

TEST(event_stream, locates_event_errors_by_source_and_line) {
  try {
    (void)read_file(test_data + "invalid_amount.jsonl", "invalid_amount.jsonl");
    FAIL() << "no error";
  } catch (const error& failure) {
    EXPECT_EQ(failure.code(), errc::invalid_amount);
    EXPECT_THAT(
        failure.what(),
        StartsWith(
            "invalid_amount.jsonl:4: payment_received: field 'amount': invalid amount '121.005'"));
  }
}

TEST(event_stream, reports_a_refused_event_with_its_source_line) {
  const auto events = read_file(test_data + "refused_event.jsonl", "refused_event.jsonl");
  try {
    (void)replay_stream(events, "refused_event.jsonl");
    FAIL() << "no error";
  } catch (const transition_error& refused) {
    EXPECT_EQ(refused.code(), errc::event_not_allowed);
    EXPECT_EQ(refused.state(), case_state::current);
    EXPECT_EQ(refused.type(), event_type::reminder_sent);
    EXPECT_THAT(refused.what(), StartsWith("refused_event.jsonl:3: case 'C-1', event 2"));
  }
}

// --- writing -------------------------------------------------------------------------------

TEST(event_stream, writes_case_type_and_date_first) {
  const event e(day("2025-02-14"), payment_received{euros(145200), {"INV-1"}, "bank"}, "ledger",
                "thanks");
  EXPECT_EQ(
      to_json_line("C-1", e),
      R"({"case":"C-1","type":"payment_received","date":"2025-02-14","amount":"1452.00","currency":"EUR",)"
      R"("designation":["INV-1"],"reference":"bank","actor":"ledger","note":"thanks"})");
}

TEST(event_stream, rewrites_every_sample_line_to_an_equal_event) {
  const auto events = read_file(sample_path, "events.jsonl");
  std::string rewritten;
  for (const auto& e : events) rewritten += to_json_line(e.case_id, e.e) + "\n";
  const auto again = read_text(rewritten);
  ASSERT_EQ(again.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(again[i].case_id, events[i].case_id);
    EXPECT_EQ(to_json(again[i].e), to_json(events[i].e)) << "line " << events[i].line;
    EXPECT_EQ(to_json_line(again[i].case_id, again[i].e),
              to_json_line(events[i].case_id, events[i].e));
  }
}

TEST(event_stream, rewrites_the_sample_history_byte_for_byte) {
  // history.jsonl was written by arrears itself: every line is already in the written form.
  const std::string path = ARREARS_SOURCE_DIR "/data/sample/history.jsonl";
  std::ifstream in(path);
  std::string line;
  std::string buffer;
  std::size_t compared = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const case_event read = read_text(line).at(0);
    EXPECT_EQ(to_json_line(read.case_id, read.e), line);
    buffer.clear();
    append_json_line(buffer, read.case_id, read.e);
    EXPECT_EQ(buffer, line);
    ++compared;
  }
  EXPECT_GT(compared, 1000u);
}

TEST(event_stream, a_line_reader_reads_lines_as_the_stream_reader_does) {
  const auto events = read_file(sample_path, "events.jsonl");
  event_line_reader reader;
  for (const case_event& expected : events) {
    const std::string line = to_json_line(expected.case_id, expected.e);
    const case_event read = reader.read(line, "events.jsonl", expected.line);
    EXPECT_EQ(read.case_id, expected.case_id);
    EXPECT_EQ(read.line, expected.line);
    EXPECT_EQ(to_json_line(read.case_id, read.e), line);
  }
}

TEST(event_stream, a_line_reader_locates_its_errors_as_the_stream_reader_does) {
  event_line_reader reader;
  const std::string lines[] = {
      R"({"case":"C-1","type":"payment_received","date":"2025-02-14","amount":12.5,"currency":"EUR"})",
      R"({"case":"C-1","type":"payment_recieved","date":"2025-02-14"})",
      R"({"type":"promise_broken","date":"2025-02-14"})",
      R"({"case":"C-1","type":"promise_broken","date":"2025-02-14")",
  };
  for (const std::string& line : lines) {
    std::string from_stream;
    errc stream_code = errc::ok;
    std::istringstream stream("\n\n" + line);  // the line is the third
    try {
      (void)read_event_stream(stream, "s.jsonl");
    } catch (const error& failure) {
      from_stream = failure.what();
      stream_code = failure.code();
    }
    ASSERT_THAT(from_stream, StartsWith("s.jsonl:3:"));
    try {
      (void)reader.read(line, "s.jsonl", 3);
      ADD_FAILURE() << "no error for " << line;
    } catch (const error& failure) {
      EXPECT_EQ(std::string(failure.what()), from_stream);
      EXPECT_EQ(failure.code(), stream_code);
    }
  }
  // The reader is still good after an error.
  EXPECT_EQ(
      reader.read(R"({"case":"C-2","type":"promise_broken","date":"2025-02-14"})", "s", 4).case_id,
      "C-2");
}

// --- the sample data -------------------------------------------------------------------------

class sample_stream : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto events = read_file(sample_path, "events.jsonl");
    cases_ = new std::vector<collection_case>(replay_stream(events, "events.jsonl"));
  }
  static void TearDownTestSuite() {
    delete cases_;
    cases_ = nullptr;
  }
  static const collection_case& get(std::string_view id) { return find_case(*cases_, id); }
  static std::vector<collection_case>* cases_;
};
std::vector<collection_case>* sample_stream::cases_ = nullptr;

TEST_F(sample_stream, holds_eight_cases_in_file_order) {
  ASSERT_EQ(cases_->size(), 8u);
  for (std::size_t i = 0; i < cases_->size(); ++i)
    EXPECT_EQ((*cases_)[i].id(), "C-100" + std::to_string(i + 1));
  for (const auto& c : *cases_) {
    EXPECT_FALSE(c.debtor().profile.name.empty()) << c.id() << " starts with debtor_updated";
    EXPECT_EQ(c.currency(), eur);
  }
}

TEST_F(sample_stream, forgetful_payer_is_closed_paid_after_one_reminder) {
  const auto& c = get("C-1001");
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::paid);
  EXPECT_EQ(c.dunning().reminders_sent, 1);
  EXPECT_EQ(c.totals().paid, euros(145200));
}

TEST_F(sample_stream, cannot_pay_debtor_keeps_a_running_arrangement_after_a_miss) {
  const auto& c = get("C-1002");
  EXPECT_EQ(c.state(), case_state::in_arrangement);
  EXPECT_EQ(c.reason(), reason::cannot_pay);
  EXPECT_EQ(c.open_total(), euros(20000));
  ASSERT_TRUE(c.arrangement().has_value());
  EXPECT_EQ(c.arrangement()->paid, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(c.arrangement()->missed, 1);
  EXPECT_EQ(c.counters().instalments_missed, 1);
}

TEST_F(sample_stream, valid_dispute_is_credited_and_marketing_reactivated) {
  const auto& c = get("C-1003");
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::credited);
  EXPECT_EQ(c.debtor().marketing, marketing_status::active);
  EXPECT_EQ(c.totals().credited, euros(60500));
  EXPECT_EQ(c.totals().paid, euros(242000));
  const claim_balance* chairs = c.find_claim("INV-2025-0044");
  ASSERT_NE(chairs, nullptr);
  EXPECT_EQ(chairs->last_verdict, verdict::valid);
  EXPECT_EQ(chairs->evidence_count, 1);
  EXPECT_EQ(c.reason(), reason::dissatisfied);
}

TEST_F(sample_stream, invalid_dispute_ends_with_the_agency) {
  const auto& c = get("C-1004");
  EXPECT_EQ(c.state(), case_state::with_agency);
  EXPECT_EQ(c.agency(), "Incassobureau Noord B.V.");
  EXPECT_EQ(c.find_claim("INV-2025-0060")->last_verdict, verdict::invalid);
  EXPECT_EQ(c.held_amount(), euros(0));
  EXPECT_EQ(c.interest_due(), euros(6764));
  EXPECT_EQ(c.open_total(), euros(369764));
  EXPECT_EQ(c.reason(), reason::unwilling);
  EXPECT_EQ(c.dunning().calls_made, 2);
  EXPECT_EQ(c.dunning().calls_reached, 1);
}

TEST_F(sample_stream, broken_promise_resumes_the_ladder_one_step_further) {
  const auto& c = get("C-1005");
  EXPECT_EQ(c.state(), case_state::overdue);
  EXPECT_FALSE(c.promise().has_value());
  EXPECT_EQ(c.counters().promises_broken, 1);
  EXPECT_EQ(c.dunning().last_reminder_level, 2);
}

TEST_F(sample_stream, term_change_moves_due_dates_and_makes_the_case_current) {
  const auto& c = get("C-1006");
  EXPECT_EQ(c.state(), case_state::current);
  EXPECT_EQ(c.debtor().profile.kind, debtor_kind::public_body);
  EXPECT_EQ(c.debtor().profile.terms, (payment_terms{terms_basis::net, 30}));
  EXPECT_EQ(c.find_claim("INV-2025-0080")->open, euros(0));
  EXPECT_EQ(c.find_claim("INV-2025-0085")->invoice.due_date, day("2025-04-19"));
  EXPECT_EQ(c.dunning().reminders_sent, 0) << "the reminder under the old term no longer counts";
  EXPECT_EQ(c.dunning().clock_restarted_on, day("2025-03-24"));
  EXPECT_EQ(c.open_total(), euros(121000));
}

TEST_F(sample_stream, consumer_pays_costs_after_a_fourteen_day_letter) {
  const auto& c = get("C-1007");
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::paid);
  EXPECT_EQ(c.debtor().profile.kind, debtor_kind::consumer);
  EXPECT_EQ(c.dunning().fourteen_day_letter_sent_on, day("2025-02-10"));
  EXPECT_EQ(c.totals().costs_charged, euros(4000));
  EXPECT_EQ(c.totals().paid, euros(29000));
}

TEST_F(sample_stream, valuable_customer_gets_a_goodwill_write_off) {
  const auto& c = get("C-1008");
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::written_off_goodwill);
  ASSERT_EQ(c.debtor().goodwill_history.size(), 1u);
  EXPECT_EQ(c.debtor().goodwill_history[0].amount, euros(9680));
  EXPECT_EQ(c.debtor().goodwill_history[0].claim_id, "INV-2025-0102");
  EXPECT_EQ(c.totals().written_off, euros(9680));
}

}  // namespace
}  // namespace arrears
