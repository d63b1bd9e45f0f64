// Reading CSV records with positions (RFC 4180).

#include <arrears/io/csv_records.hpp>

#include <istream>

namespace arrears {
namespace {

bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

bool is_blank_line(std::string_view line) noexcept {
  for (const char c : line)
    if (!is_blank(c)) return false;
  return true;
}

std::string_view trim_trailing(std::string_view text) noexcept {
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

csv_records::csv_records(std::istream& in, std::string source_name)
    : in_(&in), source_(std::move(source_name)) {}

void csv_records::fail(errc code, std::size_t line, std::size_t column,
                       const std::string& what) const {
  std::string where = source_ + ":" + std::to_string(line);
  if (column != 0) where += ":" + std::to_string(column);
  throw error(code, where + ": " + what);
}

bool csv_records::read_physical_line() {
  if (!std::getline(*in_, physical_)) {
    if (in_->bad())
      throw error(errc::io_error,
                  source_ + ":" + std::to_string(physical_line_ + 1) + ": reading failed");
    return false;
  }
  ++physical_line_;
  if (!physical_.empty() && physical_.back() == '\r') physical_.pop_back();
  if (physical_line_ == 1 && physical_.starts_with("\xEF\xBB\xBF")) physical_.erase(0, 3);
  return true;
}

bool csv_records::next() {
  do {
    if (!read_physical_line()) return false;
  } while (is_blank_line(physical_));
  record_line_ = physical_line_;
  count_ = 0;
  std::size_t pos = 0;
  for (;;) {
    if (count_ == cells_.size()) cells_.emplace_back();
    csv_cell& c = cells_[count_];
    c.text.clear();
    c.line = physical_line_;
    const std::size_t start = pos;
    while (pos < physical_.size() && is_blank(physical_[pos])) ++pos;
    if (pos < physical_.size() && physical_[pos] == '"') {
      c.quoted = true;
      c.column = pos + 1;
      ++pos;
      for (;;) {
        if (pos >= physical_.size()) {  // the quoted cell goes on on the next line
          if (!read_physical_line())
            fail(errc::parse_error, c.line, c.column,
                 "the quoted cell starting here is not closed before the end of the file");
          c.text.push_back('\n');
          pos = 0;
          continue;
        }
        const char ch = physical_[pos++];
        if (ch != '"') {
          c.text.push_back(ch);
        } else if (pos < physical_.size() && physical_[pos] == '"') {
          c.text.push_back('"');
          ++pos;
        } else {
          break;
        }
      }
      while (pos < physical_.size() && is_blank(physical_[pos])) ++pos;
      if (pos < physical_.size() && physical_[pos] != ',')
        fail(errc::parse_error, physical_line_, pos + 1,
             "expected ',' or the end of the line after a quoted cell");
    } else {
      c.quoted = false;
      c.column = (pos < physical_.size() ? pos : start) + 1;
      std::size_t end = physical_.find(',', pos);
      if (end == std::string::npos) end = physical_.size();
      const std::string_view text =
          trim_trailing(std::string_view(physical_).substr(pos, end - pos));
      if (const auto quote = text.find('"'); quote != std::string_view::npos)
        fail(errc::parse_error, physical_line_, pos + quote + 1,
             "a quote inside an unquoted cell; quote the whole cell and double the quote "
             "(\"\")");
      c.text.assign(text);
      pos = end;
    }
    ++count_;
    if (pos >= physical_.size()) break;
    ++pos;  // the ',' (a trailing ',' ends the line with one more, empty, cell)
  }
  return true;
}

std::string csv_records::cell_count_problem(std::size_t expected) const {
  if (count_ == expected) return {};
  return std::to_string(count_) + (count_ == 1 ? " cell" : " cells") + ", expected " +
         std::to_string(expected) + " as in the header";
}

void append_csv_cell(std::string& out, std::string_view text) {
  const bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!text.empty() && (is_blank(text.front()) || is_blank(text.back())));
  if (!needs_quotes) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace arrears
