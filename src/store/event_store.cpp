// The SQLite event store (docs/store.md).

#include <arrears/core/error.hpp>
#include <arrears/store/event_store.hpp>

#include <arrears/io/decision_json.hpp>

#include <sqlite3.h>
#include <boost/json/parse.hpp>

#include <memory>
#include <utility>

namespace arrears {
namespace {

/// 1: cases and events. 2: proposals and completions (a version 1 file is upgraded when
/// opened).
constexpr int schema_version = 2;

constexpr const char* tables = R"sql(
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
CREATE TABLE IF NOT EXISTS proposals (
  id          INTEGER PRIMARY KEY,
  case_number INTEGER NOT NULL REFERENCES cases(number),
  day         TEXT NOT NULL,
  action      TEXT NOT NULL,
  decision    TEXT NOT NULL,
  UNIQUE (case_number, day, action)
);
CREATE TABLE IF NOT EXISTS completions (
  proposal INTEGER PRIMARY KEY REFERENCES proposals(id),
  day      TEXT NOT NULL,
  actor    TEXT NOT NULL,
  note     TEXT NOT NULL
);
)sql";

/// The tables, and the triggers that keep every one of them append-only (named as version
/// 1 named them, so that an upgrade finds those it has).
std::string schema() {
  std::string sql = tables;
  for (const std::string table : {"events", "cases", "proposals", "completions"})
    for (const auto& [change, verb] :
         {std::pair{"UPDATE", "changed"}, std::pair{"DELETE", "deleted"}})
      sql += "CREATE TRIGGER IF NOT EXISTS " + table + "_are_never_" + verb + " BEFORE " + change +
             " ON " + table + "\n  BEGIN SELECT RAISE(ABORT, 'arrears " + table +
             " are append-only'); END;\n";
  return sql;
}

/// The columns select_proposals reads, in order, joined with the case id and completion.
constexpr const char* proposal_select =
    "SELECT p.id, c.id, p.day, p.decision, d.day, d.actor, d.note FROM proposals p "
    "JOIN cases c ON c.number = p.case_number LEFT JOIN completions d ON d.proposal = p.id ";

/// The text in `column` of the current row, valid until the next step.
std::string_view column_view(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text == nullptr
             ? std::string_view()
             : std::string_view(text,
                                static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
}

std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text == nullptr
             ? std::string()
             : std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
}

}  // namespace

/// The open database and its prepared statements.
struct event_store::connection {
  std::string file;
  sqlite3* db = nullptr;
  sqlite3_stmt* insert_case = nullptr;
  sqlite3_stmt* insert_event = nullptr;
  sqlite3_stmt* find_same_proposal = nullptr;
  sqlite3_stmt* insert_proposal = nullptr;
  /// The text of the event or decision being stored: one buffer, bound without a copy
  /// (SQLite copies it into its page while stepping).
  std::string line;

  ~connection() {
    sqlite3_finalize(insert_case);
    sqlite3_finalize(insert_event);
    sqlite3_finalize(find_same_proposal);
    sqlite3_finalize(insert_proposal);
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
  if (version < schema_version) {
    // Creates what is missing: every table on a new file, the proposals on a version 1 one.
    const char* doing = version == 0 ? "creating the tables" : "upgrading the store";
    c->exec("BEGIN IMMEDIATE", doing);
    c->exec(schema().c_str(), doing);
    c->exec(("PRAGMA user_version = " + std::to_string(schema_version)).c_str(), doing);
    c->exec("COMMIT", doing);
  }
  c->insert_case = c->prepare("INSERT INTO cases (id) VALUES (?1)");
  c->insert_event =
      c->prepare("INSERT INTO events (case_number, sequence, event) VALUES (?1, ?2, ?3)");
  c->find_same_proposal = c->prepare(
      "SELECT p.id, d.proposal IS NOT NULL FROM proposals p LEFT JOIN completions d ON "
      "d.proposal = p.id WHERE p.case_number = ?1 AND p.day = ?2 AND p.action = ?3");
  c->insert_proposal = c->prepare(
      "INSERT INTO proposals (case_number, day, action, decision) VALUES (?1, ?2, ?3, ?4)");
  event_store store(std::move(c));
  store.load_sequences();
  return store;
}

void event_store::load_sequences() {
  cases_.clear();
  // One seek per case for its last sequence: a GROUP BY would read every event's text.
  sqlite3_stmt* statement = db_->prepare(
      "SELECT c.number, c.id, COALESCE((SELECT MAX(e.sequence) FROM events e WHERE "
      "e.case_number = c.number), 0) FROM cases c");
  int step = 0;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
    cases_.insert_or_assign(
        id, case_slot{sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 2) + 1});
  }
  sqlite3_finalize(statement);
  if (step != SQLITE_DONE) db_->fail("reading the cases");
}

void event_store::for_each_event(
    std::optional<std::string_view> case_id,
    const std::function<void(std::string_view stored_case_id, case_event&& entry)>& take) const {
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(
      db_->prepare(case_id ? "SELECT c.id, e.event FROM events e JOIN cases c ON c.number = "
                             "e.case_number WHERE c.id = ?1 ORDER BY e.sequence"
                           : "SELECT c.id, e.event FROM events e JOIN cases c ON c.number = "
                             "e.case_number ORDER BY e.case_number, e.sequence"),
      sqlite3_finalize);
  sqlite3_stmt* statement = owned.get();
  if (case_id)
    sqlite3_bind_text(statement, 1, case_id->data(), static_cast<int>(case_id->size()),
                      SQLITE_TRANSIENT);
  event_line_reader reader;
  // Errors name the event as a line of the stream `SELECT event ... ORDER BY case_number,
  // sequence` prints (for one case: of that case's stream).
  std::size_t line = 0;
  int step = 0;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    const std::string_view stored_id = column_view(statement, 0);
    case_event entry = reader.read(column_view(statement, 1), db_->file, ++line);
    if (entry.case_id != stored_id)
      throw error(errc::io_error, db_->file + ":" + std::to_string(line) +
                                      ": the event names case '" + entry.case_id +
                                      "' but is stored under case '" + std::string(stored_id) +
                                      "'");
    take(stored_id, std::move(entry));
  }
  if (step != SQLITE_DONE) db_->fail("reading the events");
}

std::vector<case_event> event_store::events() const {
  std::vector<case_event> all;
  all.reserve(event_count());
  for_each_event(std::nullopt,
                 [&](std::string_view, case_event&& entry) { all.push_back(std::move(entry)); });
  return all;
}

std::vector<collection_case> event_store::replay(std::optional<std::string_view> case_id,
                                                 history_policy history) const {
  // Rows come case by case: each event goes to the last case, or starts the next one.
  std::vector<collection_case> cases;
  if (!case_id) cases.reserve(cases_.size());
  for_each_event(case_id, [&](std::string_view stored_id, case_event&& entry) {
    if (cases.empty() || cases.back().id() != stored_id)
      cases.emplace_back(std::string(stored_id), history);
    if (auto refused = cases.back().try_apply(std::move(entry.e))) {
      refused->message = db_->file + ":" + std::to_string(entry.line) + ": " + refused->message;
      throw transition_error(std::move(*refused));
    }
  });
  return cases;
}

std::optional<collection_case> event_store::find_case(std::string_view case_id,
                                                      history_policy history) const {
  std::vector<collection_case> found = replay(case_id, history);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<collection_case> event_store::cases(history_policy history) const {
  return replay(std::nullopt, history);
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

void event_store::require_writing(std::string_view doing) const {
  if (!writing_)
    throw error(errc::invalid_argument, "store '" + db_->file + "': " + std::string(doing) +
                                            " outside begin() and commit()");
}

void event_store::append(std::string_view case_id, const event& e) {
  require_writing("append");
  auto at = cases_.find(case_id);
  if (at == cases_.end()) {
    sqlite3_reset(db_->insert_case);
    sqlite3_bind_text(db_->insert_case, 1, case_id.data(), static_cast<int>(case_id.size()),
                      SQLITE_STATIC);
    if (sqlite3_step(db_->insert_case) != SQLITE_DONE)
      db_->fail("adding case " + std::string(case_id));
    at = cases_.emplace(case_id, case_slot{sqlite3_last_insert_rowid(db_->db), 1}).first;
  }
  std::string& line = db_->line;
  line.clear();
  append_json_line(line, case_id, e);
  sqlite3_stmt* insert = db_->insert_event;
  sqlite3_reset(insert);
  sqlite3_bind_int64(insert, 1, at->second.number);
  sqlite3_bind_int64(insert, 2, at->second.next_sequence);
  sqlite3_bind_text(insert, 3, line.data(), static_cast<int>(line.size()), SQLITE_STATIC);
  if (sqlite3_step(insert) != SQLITE_DONE) db_->fail("appending to case " + at->first);
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

event_store::proposed event_store::propose(std::string_view case_id, date day, const decision& d) {
  require_writing("propose");
  const auto at = cases_.find(case_id);
  if (at == cases_.end())
    throw error(errc::invalid_argument, "store '" + db_->file + "': no case '" +
                                            std::string(case_id) + "' to propose an action for");
  const std::string on = to_iso(day);
  const char* kind = action_name(d.kind);
  sqlite3_stmt* find = db_->find_same_proposal;
  sqlite3_reset(find);
  sqlite3_bind_int64(find, 1, at->second.number);
  sqlite3_bind_text(find, 2, on.data(), static_cast<int>(on.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(find, 3, kind, -1, SQLITE_STATIC);
  const int step = sqlite3_step(find);
  if (step == SQLITE_ROW)
    return {sqlite3_column_int64(find, 0), false, sqlite3_column_int(find, 1) != 0};
  if (step != SQLITE_DONE) db_->fail("looking up the proposals of case " + at->first);

  std::string& json = db_->line;
  json.clear();
  append_json(json, d, case_id);
  sqlite3_stmt* insert = db_->insert_proposal;
  sqlite3_reset(insert);
  sqlite3_bind_int64(insert, 1, at->second.number);
  sqlite3_bind_text(insert, 2, on.data(), static_cast<int>(on.size()), SQLITE_STATIC);
  sqlite3_bind_text(insert, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(insert, 4, json.data(), static_cast<int>(json.size()), SQLITE_STATIC);
  if (sqlite3_step(insert) != SQLITE_DONE) db_->fail("recording a proposal for case " + at->first);
  return {sqlite3_last_insert_rowid(db_->db), true, false};
}

void event_store::complete(std::int64_t id, const completion& done) {
  require_writing("complete");
  const std::optional<proposal> known = find_proposal(id);
  if (!known)
    throw error(errc::invalid_argument,
                "store '" + db_->file + "': no action " + std::to_string(id) + " was proposed");
  if (known->done)
    throw error(errc::invalid_argument, "store '" + db_->file + "': action " + std::to_string(id) +
                                            " was already done on " + to_iso(known->done->on));
  sqlite3_stmt* insert =
      db_->prepare("INSERT INTO completions (proposal, day, actor, note) VALUES (?1, ?2, ?3, ?4)");
  const std::string on = to_iso(done.on);
  sqlite3_bind_int64(insert, 1, id);
  sqlite3_bind_text(insert, 2, on.data(), static_cast<int>(on.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(insert, 3, done.actor.data(), static_cast<int>(done.actor.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_text(insert, 4, done.note.data(), static_cast<int>(done.note.size()),
                    SQLITE_TRANSIENT);
  const int step = sqlite3_step(insert);
  sqlite3_finalize(insert);
  if (step != SQLITE_DONE) db_->fail("recording action " + std::to_string(id) + " as done");
}

std::vector<proposal> event_store::select_proposals(std::string_view where,
                                                    std::string_view key) const {
  const std::string sql = std::string(proposal_select) + std::string(where) + " ORDER BY p.id";
  // Finalized also when a stored decision does not read back.
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(db_->prepare(sql.c_str()),
                                                                    sqlite3_finalize);
  sqlite3_stmt* statement = owned.get();
  sqlite3_bind_text(statement, 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  std::vector<proposal> found;
  int step = 0;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    proposal p;
    p.id = sqlite3_column_int64(statement, 0);
    p.case_id = column_text(statement, 1);
    const std::string context = "store '" + db_->file + "': action " + std::to_string(p.id);
    p.day = parse_date(column_text(statement, 2));
    boost::system::error_code failed;
    const boost::json::value json = boost::json::parse(column_text(statement, 3), failed);
    if (failed || !json.is_object())
      throw error(errc::io_error, context + ": the stored decision is not a JSON object");
    p.proposed = decision_from_json(json.get_object(), context);
    if (sqlite3_column_type(statement, 4) != SQLITE_NULL)
      p.done = completion{parse_date(column_text(statement, 4)), column_text(statement, 5),
                          column_text(statement, 6)};
    found.push_back(std::move(p));
  }
  if (step != SQLITE_DONE) db_->fail("reading the proposals");
  return found;
}

std::optional<proposal> event_store::find_proposal(std::int64_t id) const {
  std::vector<proposal> found =
      select_proposals("WHERE p.id = CAST(?1 AS INTEGER)", std::to_string(id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<proposal> event_store::proposals_of(std::string_view case_id) const {
  return select_proposals("WHERE c.id = ?1", case_id);
}

}  // namespace arrears
