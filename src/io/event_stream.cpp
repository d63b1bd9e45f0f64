// Reading and replaying event streams (JSON lines).

#include "input_file.hpp"
#include "json_detail.hpp"

#include <arrears/io/event_json.hpp>
#include <arrears/io/event_stream.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/stream_parser.hpp>

#include <cstddef>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace arrears {

namespace json = boost::json;

namespace {

std::string location(std::string_view source_name, std::size_t line) {
  std::string where(source_name);
  if (line != 0) where += (where.empty() ? "line " : ":") + std::to_string(line);
  return where;
}

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

/// The parser, and the memory one line's values live in: a buffer kept from line to line
/// (heap memory only for a line that outgrows it).
struct event_line_reader::parser {
  alignas(std::max_align_t) unsigned char buffer[8192];
  std::optional<json::monotonic_resource> memory;
  json::stream_parser json;
};

event_line_reader::event_line_reader() : parser_(std::make_unique<parser>()) {}
event_line_reader::~event_line_reader() = default;
event_line_reader::event_line_reader(event_line_reader&&) noexcept = default;
event_line_reader& event_line_reader::operator=(event_line_reader&&) noexcept = default;

case_event event_line_reader::read(std::string_view text, std::string_view source_name,
                                   std::size_t line_number) {
  // The location is composed only for a message: a store reads millions of lines.
  const auto where = [&] { return location(source_name, line_number); };
  json::stream_parser& parser = parser_->json;
  parser.reset();  // lets go of the last line's memory before it is reused
  parser_->memory.emplace(parser_->buffer, sizeof parser_->buffer);
  parser.reset(&*parser_->memory);
  json::error_code failure;
  const std::size_t consumed = parser.write(text.data(), text.size(), failure);
  std::size_t column = consumed + 1;
  if (!failure) {
    parser.finish(failure);
    column = text.size() + 1;  // the line ended inside a value
  }
  if (failure)
    throw error(errc::parse_error,
                where() + ":" + std::to_string(column) + ": invalid JSON: " + failure.message());
  json::value value = parser.release();
  if (!value.is_object())
    throw error(errc::wrong_type, where() + ": expected one JSON object per line, got " +
                                      std::string(detail::json_kind(value)));
  json::object& object = value.get_object();

  const json::value* case_id = object.if_contains("case");
  if (case_id == nullptr || case_id->is_null())
    throw error(
        errc::missing_field,
        where() + ": field 'case': missing; expected the id of the case the event belongs to");
  if (!case_id->is_string())
    throw error(errc::wrong_type, where() + ": field 'case': expected a string, the case id, got " +
                                      std::string(detail::json_kind(*case_id)));
  if (case_id->get_string().empty())
    throw error(errc::invalid_value, where() + ": field 'case': the case id must not be empty");
  std::string id(case_id->get_string());
  object.erase("case");

  try {
    return case_event{std::move(id), event_from_json(object, {}), line_number};
  } catch (const error& refused) {
    // event_from_json(object, where) would say the same, at the cost of a string per line.
    const std::string at = where();
    if (at.empty()) throw;
    throw error(refused.code(), at + ": " + refused.what());
  }
}

std::vector<case_event> read_event_stream(std::istream& in, std::string_view source_name) {
  std::vector<case_event> events;
  event_line_reader reader;
  std::string text;
  std::size_t line_number = 0;
  while (std::getline(in, text)) {
    ++line_number;
    if (!text.empty() && text.back() == '\r') text.pop_back();  // CRLF files
    if (is_blank_or_comment(text)) continue;
    events.push_back(reader.read(text, source_name, line_number));
  }
  if (in.bad())
    throw error(errc::io_error, location(source_name, line_number + 1) + ": read error");
  return events;
}

std::string to_json_line(std::string_view case_id, const event& e) {
  std::string line;
  append_json_line(line, case_id, e);
  return line;
}

void append_json_line(std::string& out, std::string_view case_id, const event& e) {
  detail::write_event(out, e, case_id);
}

void apply_stream(std::vector<collection_case>& cases, std::span<const case_event> events,
                  std::string_view source_name, history_policy history) {
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < cases.size(); ++i) index_of.emplace(cases[i].id(), i);
  for (const auto& entry : events) {
    const auto [position, inserted] = index_of.try_emplace(entry.case_id, cases.size());
    if (inserted) cases.emplace_back(entry.case_id, history);
    if (auto refused = cases[position->second].try_apply(entry.e)) {
      const std::string where = location(source_name, entry.line);
      if (!where.empty()) refused->message = where + ": " + refused->message;
      throw transition_error(std::move(*refused));
    }
  }
}

std::vector<collection_case> replay_stream(std::span<const case_event> events,
                                           std::string_view source_name, history_policy history) {
  std::vector<collection_case> cases;
  apply_stream(cases, events, source_name, history);
  return cases;
}

std::vector<case_event> read_event_file(const std::string& path) {
  std::ifstream in = detail::open_input_file(path);
  return read_event_stream(in, path);
}

std::vector<collection_case> replay_event_file(const std::string& path) {
  const std::vector<case_event> events = read_event_file(path);
  return replay_stream(events, path);
}

}  // namespace arrears
