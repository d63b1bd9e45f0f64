// Facts from CSV (RFC 4180), decisions to CSV.

#include "../text/closest_name.hpp"
#include "input_file.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/io/csv_records.hpp>
#include <arrears/io/facts_csv.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <climits>
#include <fstream>
#include <istream>
#include <utility>

namespace arrears {
namespace {

constexpr std::string_view case_column = "case";
constexpr std::string_view currency_column = "currency";
constexpr std::string_view today_column = "today";

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
    : records_(in, std::move(source_name)), options_(options) {
  read_header();
}

void facts_csv_reader::read_header() {
  if (!records_.next())
    records_.fail(errc::parse_error, 1, 0,
                  "empty; expected a header line naming the facts in each column");
  names_.clear();
  columns_.clear();
  const std::span<const csv_cell> cells = records_.cells();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const csv_cell& c = cells[i];
    const std::string& name = c.text;
    if (name.empty())
      records_.fail(errc::parse_error, c.line, c.column,
                    "column " + std::to_string(i + 1) + " has no name in the header");
    for (std::size_t j = 0; j < names_.size(); ++j)
      if (names_[j] == name)
        records_.fail(
            errc::invalid_value, c.line, c.column,
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
      records_.fail(errc::unknown_field, c.line, c.column, what);
    }
    names_.push_back(name);
    columns_.push_back(col);
  }
}

bool facts_csv_reader::next(facts& out) {
  if (!records_.next()) return false;
  const std::span<const csv_cell> cells = records_.cells();
  if (const std::string problem = records_.cell_count_problem(columns_.size()); !problem.empty())
    records_.fail(errc::parse_error, records_.line(), 0, problem);
  out = facts{};
  out.currency = options_.default_currency;
  if (options_.today) out.today = *options_.today;
  case_id_ = std::to_string(records_.line());

  // The row's own currency, date and id first: the amounts are read in the row's currency,
  // whatever the column order.
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const csv_cell& c = cells[i];
    if (c.text.empty()) continue;
    switch (columns_[i].kind) {
      case column_kind::case_id:
        case_id_.assign(c.text);
        break;
      case column_kind::currency:
        if (!currency::try_from_code(c.text, out.currency))
          records_.fail(errc::unknown_currency, c.line, c.column,
                        "column 'currency': unknown currency '" + c.text +
                            "'; expected an ISO 4217 code such as EUR");
        break;
      case column_kind::today:
        if (!try_parse_date(c.text, out.today))
          records_.fail(errc::invalid_date, c.line, c.column,
                        "column 'today': invalid date '" + c.text + "'; expected YYYY-MM-DD");
        break;
      case column_kind::fact:
        break;
    }
  }
  const auto schema = fact_schema();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const csv_cell& c = cells[i];
    if (columns_[i].kind != column_kind::fact || c.text.empty()) continue;
    const fact_index index = columns_[i].fact;
    std::int64_t value = 0;
    if (!parse_fact_value(index, c.text, out.currency, value, why_))
      records_.fail(errc::invalid_value, c.line, c.column,
                    "column '" + names_[i] + "': invalid value '" + c.text + "'; expected " + why_);
    // Whole-number facts are ints: a larger value would be cut, not stored.
    if (schema[index].type == fact_type::integer && (value < INT_MIN || value > INT_MAX))
      records_.fail(errc::invalid_value, c.line, c.column,
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
  std::ifstream in = detail::open_input_file(file);
  return read_facts_csv(in, file.string(), options);
}

// --- writing -------------------------------------------------------------------------------

std::string_view decisions_csv_header() noexcept {
  return "case,action,amount,costs,deadline,next_review,rule,arm\n";
}

void append_decision_csv(std::string& out, std::string_view case_id, const decision& d) {
  const action_parameters& p = d.parameters;
  append_csv_cell(out, case_id);
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
  append_csv_cell(out, rules);
  out += ',';
  append_csv_cell(out, d.arm);
  out += '\n';
}

}  // namespace arrears
