// Case snapshots as programs that store or show cases rely on them: lossless, and a snapshot
// whose state disagrees with its events is refused naming the field.

#include <arrears/io/case_json.hpp>
#include <arrears/io/event_stream.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <string>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace arrears {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

date day(const char* text) { return parse_date(text); }

std::vector<collection_case> sample_cases() {
  const std::string path = ARREARS_SOURCE_DIR "/data/sample/events.jsonl";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  const auto events = read_event_stream(in, "events.jsonl");
  return replay_stream(events, "events.jsonl");
}

boost::json::object snapshot_of(std::string_view id) {
  for (const auto& c : sample_cases())
    if (c.id() == id) return to_json(c);
  throw std::runtime_error("no sample case " + std::string(id));
}

error error_reading(const boost::json::value& snapshot) {
  try {
    (void)case_from_json(snapshot, "cases.json");
  } catch (const error& failure) {
    return failure;
  }
  ADD_FAILURE() << "no error for " << boost::json::serialize(snapshot);
  return error(errc::ok, "");
}

TEST(case_json, round_trips_every_sample_case_exactly) {
  const auto cases = sample_cases();
  ASSERT_FALSE(cases.empty());
  for (const auto& original : cases) {
    SCOPED_TRACE(original.id());
    const boost::json::object snapshot = to_json(original);
    const collection_case back = case_from_json(snapshot, "cases.json");
    EXPECT_TRUE(back.same_state(original));
    EXPECT_EQ(to_json(back), snapshot);
    // Through text, as a file or database column would carry it.
    const auto reparsed = boost::json::parse(boost::json::serialize(snapshot));
    EXPECT_EQ(to_json(case_from_json(reparsed, "cases.json")), snapshot);
  }
}

TEST(case_json, writes_the_state_readers_need) {
  const auto snapshot = snapshot_of("C-1002");
  EXPECT_EQ(snapshot.at("id"), "C-1002");
  EXPECT_EQ(snapshot.at("state"), "in_arrangement");
  EXPECT_EQ(snapshot.at("outcome"), "open");
  EXPECT_EQ(snapshot.at("currency"), "EUR");
  EXPECT_EQ(snapshot.at("reason"), "cannot_pay");
  EXPECT_EQ(snapshot.at("claims").at(0).at("open"), "200.00");
  EXPECT_EQ(snapshot.at("arrangement").at("paid"), boost::json::parse("[true,true,false]"));
  EXPECT_EQ(snapshot.at("promise"), nullptr);
  EXPECT_EQ(snapshot.at("debtor").at("profile").at("kind"), "consumer");
  EXPECT_EQ(snapshot.at("event_count"), 9);
  EXPECT_EQ(snapshot.at("events").as_array().size(), 9u);
  EXPECT_FALSE(snapshot.at("events").at(0).as_object().contains("case"));
}

TEST(case_json, rejects_a_tampered_state_naming_the_field) {
  auto snapshot = snapshot_of("C-1001");
  snapshot["state"] = "overdue";
  const error failure = error_reading(snapshot);
  EXPECT_EQ(failure.code(), errc::invalid_value);
  EXPECT_STREQ(failure.what(),
               "cases.json: case C-1001: field 'state' says overdue but the events give closed");
}

TEST(case_json, rejects_a_tampered_claim_balance_naming_the_field) {
  auto snapshot = snapshot_of("C-1001");
  snapshot["claims"].as_array()[0].as_object()["open"] = "100.00";
  const error failure = error_reading(snapshot);
  EXPECT_EQ(failure.code(), errc::invalid_value);
  EXPECT_STREQ(
      failure.what(),
      "cases.json: case C-1001: field 'claims[0].open' says 100.00 but the events give 0.00");
}

TEST(case_json, rejects_tampered_nested_values_and_lengths) {
  auto promise = snapshot_of("C-1005");
  promise["promise"] = boost::json::parse(R"({"amount":"847.00","due":"2025-04-01"})");
  EXPECT_THAT(error_reading(promise).what(), HasSubstr("field 'promise' says {\"amount\""));

  auto claims = snapshot_of("C-1003");
  claims["claims"].as_array().pop_back();
  EXPECT_THAT(error_reading(claims).what(),
              HasSubstr("field 'claims' has 1 entries but the events give 2"));

  auto totals = snapshot_of("C-1007");
  totals["totals"].as_object()["costs_charged"] = "0.00";
  EXPECT_THAT(error_reading(totals).what(),
              HasSubstr("field 'totals.costs_charged' says 0.00 but the events give 40.00"));
}

TEST(case_json, accepts_a_snapshot_with_fields_left_out) {
  auto full = snapshot_of("C-1004");
  boost::json::object partial{
      {"id", full["id"]}, {"state", "with_agency"}, {"events", full["events"]}};
  const collection_case c = case_from_json(partial, "cases.json");
  EXPECT_EQ(c.state(), case_state::with_agency);
  EXPECT_EQ(to_json(c), full);
}

TEST(case_json, rejects_an_unknown_snapshot_field) {
  auto snapshot = snapshot_of("C-1001");
  snapshot["stat"] = "closed";
  const error failure = error_reading(snapshot);
  EXPECT_EQ(failure.code(), errc::unknown_field);
  EXPECT_THAT(
      failure.what(),
      StartsWith("cases.json: case C-1001: field 'stat': unknown field; did you mean 'state'?"));
}

TEST(case_json, requires_id_and_events) {
  EXPECT_EQ(error_reading(boost::json::parse(R"({"events":[]})")).code(), errc::missing_field);
  const error events = error_reading(boost::json::parse(R"({"id":"C-9"})"));
  EXPECT_EQ(events.code(), errc::missing_field);
  EXPECT_THAT(events.what(), StartsWith("cases.json: case C-9: field 'events': missing"));
  EXPECT_EQ(error_reading(boost::json::parse(R"([1])")).code(), errc::wrong_type);
}

TEST(case_json, locates_a_bad_or_refused_event_by_its_index) {
  const error bad = error_reading(boost::json::parse(
      R"({"id":"C-9","events":[{"type":"promise_broken","date":"2025-02-30"}]})"));
  EXPECT_EQ(bad.code(), errc::invalid_date);
  EXPECT_THAT(bad.what(),
              StartsWith("cases.json: case C-9: events[0]: promise_broken: field 'date'"));

  try {
    (void)case_from_json(
        boost::json::parse(
            R"({"id":"C-9","events":[{"type":"promise_broken","date":"2025-02-03"}]})"),
        "cases.json");
    FAIL() << "no error";
  } catch (const transition_error& refused) {
    EXPECT_EQ(refused.code(), errc::event_not_allowed);
    EXPECT_THAT(refused.what(), StartsWith("cases.json: case C-9: events[0]: case 'C-9', event 1"));
  }
}

TEST(case_json, round_trips_an_empty_case) {
  const collection_case empty("C-0");
  const auto snapshot = to_json(empty);
  EXPECT_EQ(snapshot.at("currency"), "XXX");
  EXPECT_EQ(snapshot.at("last_event_on"), nullptr);
  EXPECT_EQ(to_json(case_from_json(snapshot, "")), snapshot);
}

TEST(case_json, refuses_to_snapshot_a_case_without_its_history) {
  collection_case c("C-1", history_policy::discard);
  debtor_profile profile;
  profile.id = "D-1";
  profile.name = "Bakkerij Van Dijk B.V.";
  c.apply({day("2025-01-06"), debtor_updated{profile}, "ledger"});
  try {
    (void)to_json(c);
    FAIL() << "no error";
  } catch (const error& failure) {
    EXPECT_EQ(failure.code(), errc::invalid_argument);
    EXPECT_THAT(failure.what(), HasSubstr("history was discarded"));
  }
}

}  // namespace
}  // namespace arrears
