// The SQLite event store: appends land together at commit or not at all, survive reopening,
// and can never be changed.

#include <arrears/store/event_store.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace arrears {
namespace {

using namespace arrears::testing;

/// A fresh file path in the temporary folder, removed (with its WAL files) before and after.
class store_file {
 public:
  explicit store_file(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("arrears-" + name + "-" + std::to_string(::getpid()) + ".db")) {
    remove();
  }
  ~store_file() { remove(); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
};

/// Runs `sql` on the file directly, as another program with it open would; SQLite's result.
int run_sql(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  int result = sqlite3_open(file.c_str(), &db);
  if (result == SQLITE_OK) result = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return result;
}

event claim_of(const char* id, const char* amount) {
  return {day("2025-01-06"), claim_added{invoice(id, "2025-01-06", "2025-02-05", amount)}};
}

/// Appends one event to `case_id` in a write of its own.
void write_one(event_store& store, const char* case_id, const event& e) {
  store.begin();
  store.append(case_id, e);
  store.commit();
}

TEST(event_store, appends_are_kept_in_order_across_reopening) {
  const store_file file("order");
  {
    event_store store = event_store::open(file.path());
    EXPECT_EQ(store.event_count(), 0u);
    store.begin();
    store.append("C-1", {day("2025-01-06"), debtor_updated{business_debtor("D-1")}});
    store.append("C-2", {day("2025-01-06"), debtor_updated{business_debtor("D-2")}});
    store.append("C-1", claim_of("INV-1", "100.00"));
    store.commit();
  }
  event_store store = event_store::open(file.path());
  const std::vector<case_event> events = store.events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].case_id, "C-1");
  EXPECT_EQ(events[1].case_id, "C-1") << "a case's events together, in sequence";
  EXPECT_EQ(events[1].e.type(), event_type::claim_added);
  EXPECT_EQ(events[2].case_id, "C-2");
  const std::vector<collection_case> cases = store.cases();
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].open_principal(), eur("100.00"));
  // Appending after reopening continues each case's sequence.
  write_one(store, "C-1", claim_of("INV-2", "50.00"));
  EXPECT_EQ(event_store::open(file.path()).cases()[0].open_principal(), eur("150.00"));
}

TEST(event_store, rebuilds_the_same_cases_with_or_without_their_history) {
  const store_file file("history");
  event_store store = event_store::open(file.path());
  store.begin();
  store.append("C-1", {day("2025-01-06"), debtor_updated{business_debtor("D-1")}});
  store.append("C-1", claim_of("INV-1", "100.00"));
  store.append("C-1", {day("2025-02-10"), payment_received{eur("40.00"), {}, "bank"}});
  store.commit();
  const std::vector<collection_case> kept = store.cases();
  const std::vector<collection_case> discarded = store.cases(history_policy::discard);
  ASSERT_EQ(kept.size(), 1u);
  ASSERT_EQ(discarded.size(), 1u);
  EXPECT_TRUE(kept[0].same_state(discarded[0]));
  EXPECT_EQ(kept[0].history().size(), 3u);
  EXPECT_TRUE(discarded[0].history().empty());
  EXPECT_EQ(discarded[0].open_principal(), eur("60.00"));
}

TEST(event_store, a_stored_event_the_case_refuses_is_named_by_its_place_in_the_store) {
  const store_file file("refused");
  event_store store = event_store::open(file.path());
  store.begin();
  store.append("C-1", claim_of("INV-1", "100.00"));
  store.append("C-2", claim_of("INV-2", "100.00"));
  // The store keeps what it is given; replaying is where a case refuses.
  store.append("C-2", {day("2025-02-10"), payment_received{eur("400.00"), {}, "bank"}});
  store.commit();
  try {
    (void)store.cases();
    ADD_FAILURE() << "no error";
  } catch (const transition_error& refused) {
    EXPECT_EQ(std::string(refused.what()).rfind(file.path().string() + ":3: case 'C-2'", 0), 0u)
        << refused.what();
  }
  EXPECT_EQ(store.find_case("C-1")->open_principal(), eur("100.00")) << "the other case reads";
}

TEST(event_store, finds_one_case_by_its_id) {
  const store_file file("find-case");
  event_store store = event_store::open(file.path());
  store.begin();
  store.append("C-1", claim_of("INV-1", "100.00"));
  store.append("C-2", claim_of("INV-2", "250.00"));
  store.append("C-1", {day("2025-02-10"), payment_received{eur("40.00"), {}, "bank"}});
  store.commit();
  const std::optional<collection_case> found = store.find_case("C-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id(), "C-1");
  EXPECT_EQ(found->history().size(), 2u);
  EXPECT_EQ(found->open_principal(), eur("60.00"));
  EXPECT_TRUE(found->same_state(store.cases()[0]));
  EXPECT_TRUE(store.find_case("C-2", history_policy::discard)->history().empty());
  EXPECT_FALSE(store.find_case("C-3"));
}

TEST(event_store, a_write_not_committed_leaves_nothing) {
  const store_file file("rollback");
  event_store store = event_store::open(file.path());
  store.begin();
  store.append("C-1", claim_of("INV-1", "100.00"));
  store.rollback();
  EXPECT_EQ(store.event_count(), 0u);
  {
    event_store other = event_store::open(file.path());
    other.begin();
    other.append("C-9", claim_of("INV-9", "1.00"));
    // destroyed without commit
  }
  EXPECT_EQ(event_store::open(file.path()).event_count(), 0u);
  // The sequence numbers of the rolled-back write are free again.
  write_one(store, "C-1", claim_of("INV-1", "100.00"));
  EXPECT_EQ(store.event_count(), 1u);
  EXPECT_EQ(error_code_of([&] { store.append("C-1", claim_of("INV-2", "1.00")); }),
            errc::invalid_argument)
      << "append outside a write";
}

TEST(event_store, stored_events_can_never_be_changed_or_deleted) {
  const store_file file("append-only");
  {
    event_store store = event_store::open(file.path());
    write_one(store, "C-1", claim_of("INV-1", "100.00"));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.path().c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, &message), SQLITE_OK);
  ASSERT_NE(message, nullptr);
  EXPECT_NE(std::string(message).find("append-only"), std::string::npos) << message;
  sqlite3_free(message);
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET event = '{}'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM cases", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_stmt* mode = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &mode, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(mode), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(mode, 0))), "wal");
  sqlite3_finalize(mode);
  sqlite3_close(db);
  EXPECT_EQ(event_store::open(file.path()).event_count(), 1u);
}

TEST(event_store, refuses_a_file_that_is_not_a_store_it_can_read) {
  const store_file text("not-sqlite");
  std::ofstream(text.path()) << "debtor_id,amount\nD-1,10.00\n";
  const std::string message = failure_of([&] { (void)event_store::open(text.path()); });
  EXPECT_EQ(message.rfind("io_error: store '", 0), 0u) << message;

  const store_file newer("newer");
  ASSERT_EQ(run_sql(newer.path(), "PRAGMA user_version = 99"), SQLITE_OK);
  EXPECT_NE(failure_of([&] { (void)event_store::open(newer.path()); }).find("newer arrears"),
            std::string::npos);
}

decision remind_decision(const char* amount) {
  decision d;
  d.kind = action::remind;
  d.currency = currency::from_code("EUR");
  d.parameters.channel = channel::email;
  d.parameters.amount = eur(amount);
  d.parameters.reminder_level = 1;
  d.next_review = day("2025-02-20");
  d.add_reason("playbook.first_reminder").note = "a friendly reminder";
  return d;
}

TEST(event_store, proposes_an_action_once_a_day_and_keeps_the_decision) {
  const store_file file("proposals");
  event_store store = event_store::open(file.path());
  write_one(store, "C-1", claim_of("INV-1", "100.00"));

  store.begin();
  const auto first = store.propose("C-1", day("2025-02-13"), remind_decision("100.00"));
  const auto again = store.propose("C-1", day("2025-02-13"), remind_decision("100.00"));
  const auto next_day = store.propose("C-1", day("2025-02-14"), remind_decision("100.00"));
  store.commit();
  EXPECT_TRUE(first.recorded);
  EXPECT_FALSE(again.recorded);
  EXPECT_EQ(again.id, first.id);
  EXPECT_TRUE(next_day.recorded);
  EXPECT_NE(next_day.id, first.id);

  const std::optional<proposal> found = event_store::open(file.path()).find_proposal(first.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->case_id, "C-1");
  EXPECT_EQ(found->day, day("2025-02-13"));
  EXPECT_EQ(found->proposed, remind_decision("100.00"));
  EXPECT_FALSE(found->done);
  EXPECT_EQ(store.proposals_of("C-1").size(), 2u);
  EXPECT_TRUE(store.proposals_of("C-2").empty());
  EXPECT_FALSE(store.find_proposal(next_day.id + 1));
}

TEST(event_store, an_action_is_done_once_and_a_done_action_is_not_proposed_again) {
  const store_file file("completions");
  event_store store = event_store::open(file.path());
  write_one(store, "C-1", claim_of("INV-1", "100.00"));
  store.begin();
  const auto proposed = store.propose("C-1", day("2025-02-13"), remind_decision("100.00"));
  store.complete(proposed.id, {day("2025-02-13"), "anna", "sent by email"});
  store.commit();

  const std::optional<proposal> found = store.find_proposal(proposed.id);
  ASSERT_TRUE(found && found->done);
  EXPECT_EQ(*found->done, (completion{day("2025-02-13"), "anna", "sent by email"}));
  store.begin();
  EXPECT_TRUE(store.propose("C-1", day("2025-02-13"), remind_decision("100.00")).done);
  const std::string twice = failure_of([&] {
    store.complete(proposed.id, {day("2025-02-14"), "bob", ""});
  });
  EXPECT_NE(twice.find("already done on 2025-02-13"), std::string::npos) << twice;
  EXPECT_NE(failure_of([&] {
              store.complete(9999, {day("2025-02-14"), "bob", ""});
            }).find("no action 9999"),
            std::string::npos);
  EXPECT_NE(failure_of([&] {
              (void)store.propose("C-404", day("2025-02-13"), remind_decision("1.00"));
            }).find("no case 'C-404'"),
            std::string::npos);
  store.rollback();
}

TEST(event_store, proposals_and_completions_can_never_be_changed_or_deleted) {
  const store_file file("proposals-append-only");
  {
    event_store store = event_store::open(file.path());
    write_one(store, "C-1", claim_of("INV-1", "100.00"));
    store.begin();
    const auto proposed = store.propose("C-1", day("2025-02-13"), remind_decision("100.00"));
    store.complete(proposed.id, {day("2025-02-13"), "anna", ""});
    store.commit();
  }
  for (const char* sql : {"DELETE FROM proposals", "UPDATE proposals SET day = '2000-01-01'",
                          "DELETE FROM completions", "UPDATE completions SET actor = 'x'"})
    EXPECT_NE(run_sql(file.path(), sql), SQLITE_OK) << sql;
}

TEST(event_store, upgrades_a_version_1_store_and_keeps_its_events) {
  const store_file file("version-1");
  {
    event_store store = event_store::open(file.path());
    write_one(store, "C-1", claim_of("INV-1", "100.00"));
  }
  // What a version 1 store looked like: no proposals, no completions.
  ASSERT_EQ(
      run_sql(file.path(), "DROP TABLE completions; DROP TABLE proposals; PRAGMA user_version = 1"),
      SQLITE_OK);

  event_store store = event_store::open(file.path());
  EXPECT_EQ(store.event_count(), 1u);
  store.begin();
  EXPECT_TRUE(store.propose("C-1", day("2025-02-13"), remind_decision("100.00")).recorded);
  store.commit();
}

}  // namespace
}  // namespace arrears
