// The SQLite event store (docs/store.md).

#include <arrears/core/error.hpp>
#include <arrears/store/event_store.hpp>

#include <sqlite3.h>

#include <sstream>
#include <utility>

namespace arrears {
namespace {

constexpr int schema_version = 1;

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS cases (
  number INTEGER PRIMARY KEY,
  id     TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS events (
  case_number INTEGER NOT NULL REFERENCES cases(number),
  sequence    INTEGER NOT NULL,
  event       TEXT NOT NULL,
  PRIMARY KEY (case_number, sequence)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_are_never_changed BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'arrears events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'arrears events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS cases_are_never_changed BEFORE UPDATE ON cases
  BEGIN SELECT RAISE(ABORT, 'arrears cases are append-only'); END;
CREATE TRIGGER IF NOT EXISTS cases_are_never_deleted BEFORE DELETE ON cases
  BEGIN SELECT RAISE(ABORT, 'arrears cases are append-only'); END;
)sql";

}  // namespace

/// The open database and its prepared statements.
struct event_store::connection {
  std::string file;
  sqlite3* db = nullptr;
  sqlite3_stmt* insert_case = nullptr;
  sqlite3_stmt* insert_event = nullptr;

  ~connection() {
    sqlite3_finalize(insert_case);
    sqlite3_finalize(insert_event);
    sqlite3_close_v2(db);
  }

  [[noreturn]] void fail(const std::string& doing) const {
    throw error(errc::io_error, "store '" + file + "': " + doing + ": " +
                                    (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
  }
  void exec(const char* sql, const char* doing) const {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(doing);
  }
  sqlite3_stmt* prepare(const char* sql) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
      fail("preparing a statement");
    return statement;
  }
  int user_version() const {
    sqlite3_stmt* statement = prepare("PRAGMA user_version");
    const int version =
        sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : -1;
    sqlite3_finalize(statement);
    return version;
  }
};

event_store::event_store(std::unique_ptr<connection> db) : db_(std::move(db)) {}
event_store::event_store(event_store&&) noexcept = default;
event_store& event_store::operator=(event_store&&) noexcept = default;
event_store::~event_store() {
  if (db_ && writing_) rollback();
}

event_store event_store::open(const std::filesystem::path& file) {
  auto c = std::make_unique<connection>();
  c->file = file.string();
  if (sqlite3_open_v2(c->file.c_str(), &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK)
    c->fail("cannot open");
  sqlite3_busy_timeout(c->db, 5000);
  // A file that is not SQLite fails here, on its first read.
  const int version = c->user_version();
  if (version < 0) c->fail("not an SQLite database");
  if (version > schema_version)
    throw error(errc::io_error, "store '" + c->file +
                                    "': written by a newer arrears (store "
                                    "version " +
                                    std::to_string(version) + ", this one reads " +
                                    std::to_string(schema_version) + ")");
  c->exec("PRAGMA journal_mode = WAL", "setting WAL mode");
  c->exec("PRAGMA synchronous = FULL", "setting full synchronous writes");
  c->exec("PRAGMA foreign_keys = ON", "enabling foreign keys");
  if (version == 0) {
    c->exec("BEGIN IMMEDIATE", "creating the tables");
    c->exec(schema, "creating the tables");
    c->exec(("PRAGMA user_version = " + std::to_string(schema_version)).c_str(),
            "creating the tables");
    c->exec("COMMIT", "creating the tables");
  }
  c->insert_case = c->prepare("INSERT INTO cases (id) VALUES (?1)");
  c->insert_event =
      c->prepare("INSERT INTO events (case_number, sequence, event) VALUES (?1, ?2, ?3)");
  event_store store(std::move(c));
  store.load_sequences();
  return store;
}

void event_store::load_sequences() {
  cases_.clear();
  sqlite3_stmt* statement = db_->prepare(
      "SELECT c.number, c.id, COALESCE(MAX(e.sequence), 0) FROM cases c "
      "LEFT JOIN events e ON e.case_number = c.number GROUP BY c.number");
  int step = 0;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
    cases_[id] = {sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 2) + 1};
  }
  sqlite3_finalize(statement);
  if (step != SQLITE_DONE) db_->fail("reading the cases");
}

std::vector<case_event> event_store::events() const {
  sqlite3_stmt* statement =
      db_->prepare("SELECT e.event FROM events e ORDER BY e.case_number, e.sequence");
  std::string lines;
  int step = 0;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    lines.append(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                 static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)));
    lines += '\n';
  }
  sqlite3_finalize(statement);
  if (step != SQLITE_DONE) db_->fail("reading the events");
  std::istringstream in(std::move(lines));
  return read_event_stream(in, db_->file);
}

std::vector<collection_case> event_store::cases() const {
  const std::vector<case_event> all = events();
  return replay_stream(all, db_->file);
}

std::size_t event_store::event_count() const {
  sqlite3_stmt* statement = db_->prepare("SELECT COUNT(*) FROM events");
  const std::size_t count = sqlite3_step(statement) == SQLITE_ROW
                                ? static_cast<std::size_t>(sqlite3_column_int64(statement, 0))
                                : 0;
  sqlite3_finalize(statement);
  return count;
}

void event_store::begin() {
  if (writing_) throw error(errc::invalid_argument, "store '" + db_->file + "': already writing");
  db_->exec("BEGIN IMMEDIATE", "starting a write");
  writing_ = true;
}

void event_store::append(std::string_view case_id, const event& e) {
  if (!writing_)
    throw error(errc::invalid_argument,
                "store '" + db_->file + "': append outside begin() and commit()");
  const std::string key(case_id);
  auto at = cases_.find(key);
  if (at == cases_.end()) {
    sqlite3_reset(db_->insert_case);
    sqlite3_bind_text(db_->insert_case, 1, key.data(), static_cast<int>(key.size()),
                      SQLITE_TRANSIENT);
    if (sqlite3_step(db_->insert_case) != SQLITE_DONE) db_->fail("adding case " + key);
    at = cases_.emplace(key, case_slot{sqlite3_last_insert_rowid(db_->db), 1}).first;
  }
  const std::string line = to_json_line(case_id, e);
  sqlite3_stmt* insert = db_->insert_event;
  sqlite3_reset(insert);
  sqlite3_bind_int64(insert, 1, at->second.number);
  sqlite3_bind_int64(insert, 2, at->second.next_sequence);
  sqlite3_bind_text(insert, 3, line.data(), static_cast<int>(line.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(insert) != SQLITE_DONE) db_->fail("appending to case " + key);
  ++at->second.next_sequence;
}

void event_store::commit() {
  if (!writing_) return;
  if (sqlite3_exec(db_->db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    rollback();
    db_->fail("committing");
  }
  writing_ = false;
}

void event_store::rollback() noexcept {
  if (!writing_) return;
  sqlite3_exec(db_->db, "ROLLBACK", nullptr, nullptr, nullptr);
  writing_ = false;
  try {
    load_sequences();
  } catch (...) {
    cases_.clear();
  }
}

}  // namespace arrears
