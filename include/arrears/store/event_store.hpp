#pragma once
// The embedded event store: an SQLite file holding every case's events, append-only, each
// event under a unique (case, sequence) key, and the actions the daily run proposed. Written in WAL
// mode with full synchronous writes; everything appended between begin() and commit() lands
// together or not at all, so a process killed at any point leaves the store as it was before or
// after, never in between. docs/store.md describes the file.

#include <arrears/io/event_stream.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/model/events.hpp>
#include <arrears/store/proposal.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace arrears {

class event_store {
 public:
  /// Opens the store in `file`, creating it (and its tables) when absent. Throws
  /// error{errc::io_error} naming the file when it cannot be opened or is not an arrears
  /// store of a version this library reads.
  static event_store open(const std::filesystem::path& file);

  event_store(event_store&&) noexcept;
  event_store& operator=(event_store&&) noexcept;
  ~event_store();

  /// Every stored event, case by case in the order the cases were first stored, each case's
  /// events in sequence order.
  [[nodiscard]] std::vector<case_event> events() const;
  /// The cases, rebuilt from their events (in the order of events()), keeping or discarding
  /// each case's history as `history` says (the state is the same either way).
  [[nodiscard]] std::vector<collection_case> cases(
      history_policy history = history_policy::keep) const;
  /// The case `case_id`, rebuilt from its events only; empty when the store has no such case.
  [[nodiscard]] std::optional<collection_case> find_case(
      std::string_view case_id, history_policy history = history_policy::keep) const;
  /// How many events the store holds.
  [[nodiscard]] std::size_t event_count() const;

  /// Starts a write: appends become visible together at commit(). One write at a time; a
  /// write not committed is rolled back (also by the destructor).
  void begin();
  /// Appends `e` as the next event of `case_id`. Only between begin() and commit().
  void append(std::string_view case_id, const event& e);
  void commit();
  void rollback() noexcept;

  /// What propose() did.
  struct proposed {
    std::int64_t id = 0;
    /// False when the same action was already proposed for the case that day: nothing was
    /// recorded and `id` is the earlier proposal's.
    bool recorded = false;
    /// That earlier proposal was already confirmed done.
    bool done = false;
  };
  /// Records `d` as proposed for stored case `case_id` on `day`, unless the same action
  /// was already proposed for it that day. Only between begin() and commit(). Throws
  /// error{errc::invalid_argument} for a case the store does not hold.
  proposed propose(std::string_view case_id, date day, const decision& d);
  /// Records proposal `id` as carried out. Only between begin() and commit(). Throws
  /// error{errc::invalid_argument} for an unknown id or one already done (naming its day).
  void complete(std::int64_t id, const completion& done);
  /// The proposal with action id `id`; empty when there is none.
  [[nodiscard]] std::optional<proposal> find_proposal(std::int64_t id) const;
  /// Every proposal for `case_id`, oldest first.
  [[nodiscard]] std::vector<proposal> proposals_of(std::string_view case_id) const;

 private:
  struct connection;
  explicit event_store(std::unique_ptr<connection> db);
  std::unique_ptr<connection> db_;
  /// Each stored case: its row number and the sequence number of its next event.
  struct case_slot {
    std::int64_t number = 0;
    std::int64_t next_sequence = 1;
  };
  /// Looked up by std::string_view without a copy of the key.
  struct id_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept {
      return std::hash<std::string_view>{}(id);
    }
  };
  /// Reloaded after a rollback, which discards what the write added.
  std::unordered_map<std::string, case_slot, id_hash, std::equal_to<>> cases_;
  bool writing_ = false;
  void load_sequences();
  /// Reads the events of case `case_id` (of every case when empty) in order, handing each to
  /// `take` with the id of the case it is stored under.
  void for_each_event(
      std::optional<std::string_view> case_id,
      const std::function<void(std::string_view stored_case_id, case_event&& entry)>& take) const;
  /// The cases for_each_event's events build.
  [[nodiscard]] std::vector<collection_case> replay(std::optional<std::string_view> case_id,
                                                    history_policy history) const;
  void require_writing(std::string_view doing) const;
  [[nodiscard]] std::vector<proposal> select_proposals(std::string_view where,
                                                       std::string_view key) const;
};

}  // namespace arrears
