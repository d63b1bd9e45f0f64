// Facts from CSV (RFC 4180), decisions to CSV.

#include "../text/closest_name.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/io/facts_csv.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <istream>
#include <utility>

namespace arrears {
namespace {

constexpr std::string_view case_column = "case";
constexpr std::string_view currency_column = "currency";
constexpr std::string_view today_column = "today";

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

/// Every name a header may use, for "did you mean".
const std::vector<std::string_view>& known_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    for (const auto& info : fact_schema()) result.push_back(info.name);
    result.push_back(case_column);
    result.push_back(currency_column);
    result.push_back(today_column);
    return result;
  }();
  return names;
}

}  // namespace

// --- reading -------------------------------------------------------------------------------

facts_csv_reader::facts_csv_reader(std::istream& in, std::string source_name,
                                   facts_csv_options options)
    : in_(&in), source_(std::move(source_name)), options_(options) {
  read_header();
}

void facts_csv_reader::fail(errc code, std::size_t line, std::size_t column,
                            const std::string& what) const {
  std::string where = source_ + ":" + std::to_string(line);
  if (column != 0) where += ":" + std::to_string(column);
  throw error(code, where + ": " + what);
}

bool facts_csv_reader::read_physical_line() {
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

bool facts_csv_reader::read_record() {
  do {
    if (!read_physical_line()) return false;
  } while (is_blank_line(physical_));
  record_line_ = physical_line_;
  cell_count_ = 0;
  std::size_t pos = 0;
  for (;;) {
    if (cell_count_ == cells_.size()) cells_.emplace_back();
    cell& c = cells_[cell_count_];
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
    ++cell_count_;
    if (pos >= physical_.size()) break;
    ++pos;  // the ',' (a trailing ',' ends the line with one more, empty, cell)
  }
  return true;
}

void facts_csv_reader::read_header() {
  if (!read_record())
    fail(errc::parse_error, 1, 0, "empty; expected a header line naming the facts in each column");
  names_.clear();
  columns_.clear();
  for (std::size_t i = 0; i < cell_count_; ++i) {
    const cell& c = cells_[i];
    const std::string& name = c.text;
    if (name.empty())
      fail(errc::parse_error, c.line, c.column,
           "column " + std::to_string(i + 1) + " has no name in the header");
    for (std::size_t j = 0; j < names_.size(); ++j)
      if (names_[j] == name)
        fail(errc::invalid_value, c.line, c.column,
             "column '" + name + "' appears twice (first as column " + std::to_string(j + 1) + ")");
    column_info col;
    if (name == case_column) {
      col.kind = column_kind::case_id;
    } else if (name == currency_column) {
      col.kind = column_kind::currency;
    } else if (name == today_column) {
      col.kind = column_kind::today;
    } else if (const auto index = find_fact(name)) {
      col.kind = column_kind::fact;
      col.fact = *index;
    } else {
      std::string what = "unknown column '" + name + "'";
      const std::string suggestion = detail::did_you_mean(name, known_columns());
      if (!suggestion.empty())
        what += suggestion;
      else
        what +=
            "; expected a fact name (docs/policy-language.md lists them) or case, "
            "currency, today";
      fail(errc::unknown_field, c.line, c.column, what);
    }
    names_.push_back(name);
    columns_.push_back(col);
  }
}

bool facts_csv_reader::next(facts& out) {
  if (!read_record()) return false;
  if (cell_count_ != columns_.size())
    fail(errc::parse_error, record_line_, 0,
         std::to_string(cell_count_) + (cell_count_ == 1 ? " cell" : " cells") + ", expected " +
             std::to_string(columns_.size()) + " as in the header");
  out = facts{};
  out.currency = options_.default_currency;
  if (options_.today) out.today = *options_.today;
  case_id_ = std::to_string(record_line_);

  // The row's own currency, date and id first: the amounts are read in the row's currency,
  // whatever the column order.
  for (std::size_t i = 0; i < cell_count_; ++i) {
    const cell& c = cells_[i];
    if (c.text.empty()) continue;
    switch (columns_[i].kind) {
      case column_kind::case_id:
        case_id_.assign(c.text);
        break;
      case column_kind::currency:
        if (!currency::try_from_code(c.text, out.currency))
          fail(errc::unknown_currency, c.line, c.column,
               "column 'currency': unknown currency '" + c.text +
                   "'; expected an ISO 4217 code such as EUR");
        break;
      case column_kind::today:
        if (!try_parse_date(c.text, out.today))
          fail(errc::invalid_date, c.line, c.column,
               "column 'today': invalid date '" + c.text + "'; expected YYYY-MM-DD");
        break;
      case column_kind::fact:
        break;
    }
  }
  const auto schema = fact_schema();
  for (std::size_t i = 0; i < cell_count_; ++i) {
    const cell& c = cells_[i];
    if (columns_[i].kind != column_kind::fact || c.text.empty()) continue;
    const fact_index index = columns_[i].fact;
    std::int64_t value = 0;
    if (!parse_fact_value(index, c.text, out.currency, value, why_))
      fail(errc::invalid_value, c.line, c.column,
           "column '" + names_[i] + "': invalid value '" + c.text + "'; expected " + why_);
    // Whole-number facts are ints: a larger value would be cut, not stored.
    if (schema[index].type == fact_type::integer && (value < INT_MIN || value > INT_MAX))
      fail(errc::invalid_value, c.line, c.column,
           "column '" + names_[i] + "': " + c.text +
               " is out of range; expected a whole number "
               "from " +
               std::to_string(INT_MIN) + " to " + std::to_string(INT_MAX));
    write_fact(out, index, value);
  }
  out.case_id = case_id_;
  return true;
}

facts_batch read_facts_csv(std::istream& in, std::string_view source_name,
                           const facts_csv_options& options) {
  facts_csv_reader reader(in, std::string(source_name), options);
  facts_batch batch;
  std::vector<std::pair<std::size_t, std::size_t>> id_spans;
  facts row;
  while (reader.next(row)) {
    id_spans.emplace_back(batch.ids_.size(), row.case_id.size());
    batch.ids_.insert(batch.ids_.end(), row.case_id.begin(), row.case_id.end());
    batch.rows_.push_back(row);
    batch.lines_.push_back(reader.line());
  }
  // Only now is ids_ done growing: point every row at its id.
  for (std::size_t i = 0; i < batch.rows_.size(); ++i)
    batch.rows_[i].case_id =
        std::string_view(batch.ids_.data() + id_spans[i].first, id_spans[i].second);
  return batch;
}

facts_batch read_facts_csv_file(const std::filesystem::path& file,
                                const facts_csv_options& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw error(errc::io_error,
                "cannot open '" + file.string() + "': " + std::string(std::strerror(errno)));
  return read_facts_csv(in, file.string(), options);
}

// --- writing -------------------------------------------------------------------------------

namespace {

void append_cell(std::string& out, std::string_view text) {
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

}  // namespace

std::string_view decisions_csv_header() noexcept {
  return "case,action,amount,costs,deadline,next_review,rule,arm\n";
}

void append_decision_csv(std::string& out, std::string_view case_id, const decision& d) {
  const action_parameters& p = d.parameters;
  append_cell(out, case_id);
  out += ',';
  out += action_name(d.kind);
  out += ',';
  if (p.amount) out += format_amount(*p.amount);
  out += ',';
  if (p.costs) out += format_amount(*p.costs);
  out += ',';
  if (p.deadline) out += to_iso(*p.deadline);
  out += ',';
  if (d.next_review) out += to_iso(*d.next_review);
  out += ',';
  std::string rules;
  for (const auto& reason : d.reasons) {
    if (!rules.empty()) rules += ';';
    rules += reason.rule;
  }
  append_cell(out, rules);
  out += ',';
  append_cell(out, d.arm);
  out += '\n';
}

}  // namespace arrears
