#pragma once
// The event stream: one JSON event per line, each naming its case. The form in which
// accounting software hands its ledger events to arrears (docs/events.md, "Line format").

#include <arrears/model/collection_case.hpp>
#include <arrears/model/events.hpp>

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// One line of an event stream: the case it belongs to and the event.
struct case_event {
  std::string case_id;
  event e;
  /// 1-based line in the source it was read from; 0 when it did not come from a stream.
  std::size_t line = 0;
};

/// Reads JSON lines: blank lines and lines whose first non-blank character is '#' are
/// skipped; every other line is one event object (event_from_json) with a "case" field
/// naming its case id. Errors name the source and line (and column for malformed JSON):
/// `events.jsonl:7:23: invalid JSON: syntax error` (errc::parse_error),
/// `events.jsonl:3: field 'case': missing; ...` (errc::missing_field), and every error of
/// event_from_json with `events.jsonl:3` as its location. errc::io_error when the stream
/// fails while reading.
[[nodiscard]] std::vector<case_event> read_event_stream(std::istream& in,
                                                        std::string_view source_name);

/// Reads stream lines one at a time, each as read_event_stream reads it, keeping its parser
/// and the parser's memory from line to line: for readers that take their lines from
/// elsewhere (the store reads them from its rows).
class event_line_reader {
 public:
  event_line_reader();
  ~event_line_reader();
  event_line_reader(event_line_reader&&) noexcept;
  event_line_reader& operator=(event_line_reader&&) noexcept;

  /// The case and event on `line` (one JSON object, no line break; not blank, no comment).
  /// Throws what read_event_stream throws for it, located at `source_name:line_number`.
  [[nodiscard]] case_event read(std::string_view line, std::string_view source_name,
                                std::size_t line_number);

 private:
  struct parser;
  std::unique_ptr<parser> parser_;
};

/// One stream line, without the trailing newline: {"case":..., "type":..., "date":..., then
/// the rest as to_json(const event&) orders it}. Deterministic: equal events give equal lines.
[[nodiscard]] std::string to_json_line(std::string_view case_id, const event& e);
/// Appends the same line to `out`, for writers that reuse one buffer; on an exception `out`
/// is left as it was.
void append_json_line(std::string& out, std::string_view case_id, const event& e);

/// Builds the cases of a stream: grouped by case id in order of first appearance, each
/// applying its events in stream order and keeping or discarding its history as `history`
/// says. A refused event throws the case's transition_error with its message prefixed by
/// `source_name:line: ` (the location of the event's line).
[[nodiscard]] std::vector<collection_case> replay_stream(
    std::span<const case_event> events, std::string_view source_name = {},
    history_policy history = history_policy::keep);
/// The same onto cases that already exist: each event goes to the case in `cases` with its
/// id, or to a new case (with `history`) appended to `cases`. Throws as replay_stream; the
/// cases before the refused event keep what was applied.
void apply_stream(std::vector<collection_case>& cases, std::span<const case_event> events,
                  std::string_view source_name = {}, history_policy history = history_policy::keep);

/// Reads the event stream in `path` (read_event_stream with the path as the source name).
/// Throws error{errc::io_error} when the file cannot be opened ("cannot open '<path>':
/// <reason>"), and what read_event_stream throws.
[[nodiscard]] std::vector<case_event> read_event_file(const std::string& path);
/// Reads the event stream in `path` and builds its cases: read_event_file, then
/// replay_stream with the path as the source name; throws what those two throw.
[[nodiscard]] std::vector<collection_case> replay_event_file(const std::string& path);

}  // namespace arrears
