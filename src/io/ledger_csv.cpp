// Reading the books: the ledger and debtors CSVs (docs/ledger.md).

#include "../text/closest_name.hpp"
#include "input_file.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/payment_terms.hpp>
#include <arrears/io/csv_records.hpp>
#include <arrears/io/ledger_csv.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <optional>
#include <system_error>
#include <unordered_map>
#include <vector>

namespace arrears {
namespace {

/// A file's columns by name: which column of the file each known name is, if any.
template <std::size_t N>
class column_map {
 public:
  explicit column_map(const std::array<std::string_view, N>& names) : names_(names) {
    index_.fill(absent);
  }

  /// Reads the header, listing every problem (unknown, unnamed or repeated columns).
  void read_header(const csv_records& records, std::vector<ledger_problem>& problems) {
    const std::span<const csv_cell> cells = records.cells();
    width_ = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string& name = cells[i].text;
      auto problem = [&](std::string message) {
        problems.push_back({records.source_name(), cells[i].line, name, std::move(message)});
      };
      if (name.empty()) {
        problem("column " + std::to_string(i + 1) + " has no name in the header");
        continue;
      }
      if (name.front() == '#') continue;  // a column kept for people, not read
      const auto known = find(name);
      if (!known) {
        std::string message = "unknown column";
        const std::string suggestion =
            detail::did_you_mean(name, std::span<const std::string_view>(names_));
        message += suggestion.empty() ? "; columns starting with '#' are ignored" : suggestion;
        problem(std::move(message));
        continue;
      }
      if (index_[*known] != absent) {
        problem("appears twice (first as column " + std::to_string(index_[*known] + 1) + ")");
        continue;
      }
      index_[*known] = i;
    }
  }

  [[nodiscard]] bool has(std::size_t column) const noexcept { return index_[column] != absent; }
  [[nodiscard]] std::size_t width() const noexcept { return width_; }
  /// The cell of `column` in `cells`; nullptr when the file has no such column.
  [[nodiscard]] const csv_cell* cell(std::span<const csv_cell> cells,
                                     std::size_t column) const noexcept {
    return index_[column] == absent ? nullptr : &cells[index_[column]];
  }
  [[nodiscard]] std::string_view name(std::size_t column) const noexcept { return names_[column]; }

 private:
  static constexpr std::size_t absent = static_cast<std::size_t>(-1);
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < N; ++i)
      if (names_[i] == name) return i;
    return std::nullopt;
  }
  std::array<std::string_view, N> names_;
  std::array<std::size_t, N> index_{};
  std::size_t width_ = 0;
};

enum ledger_column : std::size_t {
  debtor_id,
  debtor_name,
  debtor_kind_column,
  email,
  phone,
  postal_address,
  language,
  invoice_id,
  type,
  issue_date,
  due_date_column,
  term_days,
  amount,
  vat,
  currency_column,
  paid_amount,
  against,
  description,
  ledger_column_count
};

constexpr std::array<std::string_view, ledger_column_count> ledger_column_names = {
    "debtor_id", "debtor_name", "debtor_kind", "email",       "phone",    "postal_address",
    "language",  "invoice_id",  "type",        "issue_date",  "due_date", "term_days",
    "amount",    "vat",         "currency",    "paid_amount", "against",  "description"};

enum debtors_column : std::size_t {
  debtors_id,
  debtors_term_days,
  debtors_terms,
  debtors_relationship_value,
  debtors_column_count
};

constexpr std::array<std::string_view, debtors_column_count> debtors_column_names = {
    "debtor_id", "term_days", "terms", "relationship_value"};

/// Reads the header line into `columns`, listing its problems.
template <std::size_t N>
void read_header_line(csv_records& records, column_map<N>& columns,
                      std::vector<ledger_problem>& problems) {
  if (!records.next())
    records.fail(errc::invalid_ledger, 1, 0,
                 "empty; expected a header line naming the columns (docs/ledger.md)");
  columns.read_header(records, problems);
}

[[noreturn]] void refuse(const std::vector<ledger_problem>& problems) {
  constexpr std::size_t shown = 100;
  std::string message;
  for (std::size_t i = 0; i < problems.size() && i < shown; ++i) {
    if (!message.empty()) message += '\n';
    message += problems[i].to_string();
  }
  if (problems.size() > shown)
    message += "\n... and " + std::to_string(problems.size() - shown) + " more";
  throw error(errc::invalid_ledger, message);
}

/// One row's cells with the problems found in them.
template <std::size_t N>
class row_reader {
 public:
  row_reader(const csv_records& records, const column_map<N>& columns,
             std::vector<ledger_problem>& problems)
      : records_(records),
        columns_(columns),
        cells_(records.cells()),
        problems_(problems),
        first_problem_(problems.size()) {}

  /// The text of `column`, empty when the file has no such column.
  [[nodiscard]] std::string_view text(std::size_t column) const noexcept {
    const csv_cell* c = columns_.cell(cells_, column);
    return c == nullptr ? std::string_view() : std::string_view(c->text);
  }
  void problem(std::size_t column, std::string message) {
    problems_.push_back({records_.source_name(), records_.line(),
                         column == N ? std::string() : std::string(columns_.name(column)),
                         std::move(message)});
  }
  [[nodiscard]] bool ok() const noexcept { return problems_.size() == first_problem_; }
  /// Whether the row has as many cells as the header; a problem when not.
  bool complete() {
    const std::string problem_text = records_.cell_count_problem(columns_.width());
    if (problem_text.empty()) return true;
    problem(N, problem_text);
    return false;
  }

  /// The text of a required column; a problem when it is empty.
  std::string_view required(std::size_t column) {
    const std::string_view t = text(column);
    if (t.empty()) problem(column, "missing; every row needs one");
    return t;
  }
  std::optional<date> day(std::size_t column) {
    const std::string_view t = text(column);
    if (t.empty()) return std::nullopt;
    date out;
    if (try_parse_date(t, out)) return out;
    problem(column, "invalid date '" + std::string(t) + "'; expected YYYY-MM-DD");
    return std::nullopt;
  }
  std::optional<money> amount_in(std::size_t column, arrears::currency in) {
    const std::string_view t = text(column);
    if (t.empty()) return std::nullopt;
    money out;
    if (try_parse_amount(t, in, out)) return out;
    problem(column, "invalid amount '" + std::string(t) +
                        "'; expected a decimal such as 1234.56 "
                        "with at most " +
                        std::to_string(in.minor_digits()) +
                        " decimals, no "
                        "thousands separators");
    return std::nullopt;
  }
  std::optional<int> days(std::size_t column) {
    const std::string_view t = text(column);
    if (t.empty()) return std::nullopt;
    int out = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
    if (ec == std::errc() && end == t.data() + t.size() && out >= 0 && out <= max_term_days)
      return out;
    problem(column, "invalid term '" + std::string(t) + "'; expected whole days from 0 to " +
                        std::to_string(max_term_days));
    return std::nullopt;
  }

 private:
  const csv_records& records_;
  const column_map<N>& columns_;
  std::span<const csv_cell> cells_;
  std::vector<ledger_problem>& problems_;
  std::size_t first_problem_;
};

std::optional<debtor_kind> kind_of(std::string_view text) {
  if (text.empty() || text == "business") return debtor_kind::business;
  if (text == "consumer") return debtor_kind::consumer;
  if (text == "public" || text == "public_body") return debtor_kind::public_body;
  return std::nullopt;
}

bool is_language(std::string_view text) {
  return text.size() == 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] >= 'a' && text[1] <= 'z';
}

/// The item and its debtor from one ledger row; nothing when the row has a problem.
struct ledger_row {
  ledger_debtor debtor;
  ledger_item item;
};

std::optional<ledger_row> read_row(row_reader<ledger_column_count>& row, std::size_t line) {
  ledger_row out;
  debtor_profile& profile = out.debtor.profile;
  profile.id = std::string(row.required(debtor_id));
  profile.name = std::string(row.required(debtor_name));
  if (const auto kind = kind_of(row.text(debtor_kind_column)))
    profile.kind = *kind;
  else
    row.problem(debtor_kind_column, "unknown kind '" + std::string(row.text(debtor_kind_column)) +
                                        "'; expected consumer, business or public");
  profile.contact.email = std::string(row.text(email));
  profile.contact.phone = std::string(row.text(phone));
  profile.contact.postal_address = std::string(row.text(postal_address));
  if (const std::string_view lang = row.text(language); !lang.empty()) {
    if (is_language(lang))
      profile.language = std::string(lang);
    else
      row.problem(language, "invalid language '" + std::string(lang) +
                                "'; expected a two-letter ISO 639-1 code such as nl or en");
  }

  claim& doc = out.item.document;
  doc.id = std::string(row.required(invoice_id));
  const std::string_view currency_text = row.required(currency_column);
  arrears::currency in;
  const bool known_currency = !currency_text.empty() && currency::try_from_code(currency_text, in);
  if (!currency_text.empty() && !known_currency)
    row.problem(currency_column, "unknown currency '" + std::string(currency_text) +
                                     "'; expected an ISO 4217 code such as EUR");
  out.debtor.currency = in;
  const std::string_view type_text = row.text(type);
  if (!type_text.empty() && type_text != "invoice" && type_text != "credit_note")
    row.problem(type,
                "unknown type '" + std::string(type_text) + "'; expected invoice or credit_note");
  const std::optional<date> issued = row.day(issue_date);
  if (row.text(issue_date).empty()) (void)row.required(issue_date);
  const std::optional<date> due = row.day(due_date_column);
  const std::optional<int> term = row.days(term_days);
  if (!known_currency) return std::nullopt;

  const std::optional<money> gross = row.amount_in(amount, in);
  if (row.text(amount).empty()) (void)row.required(amount);
  const std::optional<money> paid = row.amount_in(paid_amount, in);
  const std::optional<money> tax = row.amount_in(vat, in);
  if (!gross || !issued || !row.ok()) return std::nullopt;

  const bool credit = type_text == "credit_note" || (type_text.empty() && gross->is_negative());
  if (type_text == "invoice" && gross->is_negative())
    row.problem(amount, "negative amount on an invoice; write credit notes as type credit_note");
  if (gross->is_zero()) row.problem(amount, "zero; a document of nothing cannot be collected");
  const money whole = gross->is_negative() ? -*gross : *gross;
  doc.kind = credit ? claim_kind::credit_note : claim_kind::invoice;
  doc.issue_date = *issued;
  doc.amount = whole;
  doc.vat = tax.value_or(money::zero(in));
  if (doc.vat.is_negative() || doc.vat > whole)
    row.problem(vat, "VAT of " + format_amount(doc.vat) + " outside 0.." + format_amount(whole));
  doc.description = std::string(row.text(description));
  out.item.paid = paid.value_or(money::zero(in));
  out.item.against = std::string(row.text(against));
  out.item.debtor_id = profile.id;
  out.item.line = line;

  if (credit) {
    doc.due_date = *issued;
    if (out.item.paid.minor_units() != 0)
      row.problem(paid_amount, "a credit note is not paid; leave paid_amount empty");
  } else {
    if (!out.item.against.empty()) row.problem(against, "only a credit note is against an invoice");
    if (out.item.paid.is_negative() || out.item.paid > whole)
      row.problem(paid_amount, format_amount(out.item.paid) + " outside 0.." +
                                   format_amount(whole) + ", the invoice's amount");
    if (term) {
      doc.terms = payment_terms{terms_basis::net, *term};
      try {
        doc.due_date = due_date(*issued, *doc.terms);
      } catch (const error& e) {
        row.problem(term_days, e.what());
        return std::nullopt;
      }
      if (due && *due != doc.due_date)
        row.problem(due_date_column, to_iso(*due) + " disagrees with term_days " +
                                         std::to_string(*term) + " from " + to_iso(*issued) + " (" +
                                         to_iso(doc.due_date) + "); give one of them");
    } else if (due) {
      doc.due_date = *due;
    } else {
      row.problem(due_date_column, "missing; an invoice needs due_date or term_days");
    }
    if (!doc.due_date.is_special() && doc.due_date < *issued)
      row.problem(due_date_column, "before the issue date " + to_iso(*issued));
  }
  if (!row.ok()) return std::nullopt;
  return out;
}

/// Which debtor field differs between two rows' descriptions of one debtor, if any.
std::optional<std::pair<std::size_t, std::string>> conflict(const ledger_debtor& first,
                                                            const ledger_debtor& now) {
  const debtor_profile& a = first.profile;
  const debtor_profile& b = now.profile;
  auto differs = [&](std::size_t column, const std::string& was, const std::string& is) {
    return std::optional<std::pair<std::size_t, std::string>>(
        {column, "'" + is + "' differs from '" + was + "' on line " + std::to_string(first.line) +
                     " for debtor " + a.id});
  };
  if (a.name != b.name) return differs(debtor_name, a.name, b.name);
  if (a.kind != b.kind)
    return differs(debtor_kind_column, boost::describe::enum_to_string(a.kind, "?"),
                   boost::describe::enum_to_string(b.kind, "?"));
  if (a.language != b.language) return differs(language, a.language, b.language);
  if (a.contact.email != b.contact.email) return differs(email, a.contact.email, b.contact.email);
  if (a.contact.phone != b.contact.phone) return differs(phone, a.contact.phone, b.contact.phone);
  if (a.contact.postal_address != b.contact.postal_address)
    return differs(postal_address, a.contact.postal_address, b.contact.postal_address);
  if (!(first.currency == now.currency))
    return differs(currency_column, std::string(first.currency.code()),
                   std::string(now.currency.code()));
  return std::nullopt;
}

/// How many lines `file` has, at most: at most one item each, so reading can reserve room for
/// them up front instead of growing its tables a row at a time. 0 for what is not a regular
/// file (a pipe can be read once only) or cannot be read (opening it again reports why).
std::size_t count_lines(const std::filesystem::path& file) {
  std::error_code failed;
  if (!std::filesystem::is_regular_file(file, failed)) return 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) return 0;
  std::vector<char> chunk(std::size_t{1} << 20);
  std::size_t lines = 0;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    lines += static_cast<std::size_t>(std::count(chunk.data(), chunk.data() + in.gcount(), '\n'));
  }
  return lines + 1;
}

ledger read_ledger_rows(std::istream& in, std::string_view source_name,
                        const ledger_options& options, std::size_t expected_lines) {
  csv_records records(in, std::string(source_name));
  ledger books;
  std::vector<ledger_problem> problems;
  column_map<ledger_column_count> columns(ledger_column_names);
  read_header_line(records, columns, problems);
  for (const std::size_t required :
       {debtor_id, debtor_name, invoice_id, issue_date, amount, currency_column})
    if (!columns.has(required))
      problems.push_back({std::string(source_name), records.line(),
                          std::string(columns.name(required)), "required column missing"});
  if (!columns.has(due_date_column) && !columns.has(term_days))
    problems.push_back({std::string(source_name), records.line(), "due_date",
                        "required column missing (or term_days)"});
  if (!problems.empty()) refuse(problems);

  std::unordered_map<std::string, std::size_t> debtor_at;  // id -> index in books.debtors
  std::unordered_map<std::string, std::size_t> item_at;    // document id -> index in items
  books.items.reserve(expected_lines);
  item_at.reserve(expected_lines);
  while (records.next()) {
    row_reader<ledger_column_count> row(records, columns, problems);
    if (!row.complete()) continue;
    std::optional<ledger_row> read = read_row(row, records.line());
    if (!read) continue;
    read->debtor.line = records.line();
    const auto known_debtor = debtor_at.find(read->debtor.profile.id);
    if (known_debtor != debtor_at.end()) {
      if (const auto clash = conflict(books.debtors[known_debtor->second], read->debtor)) {
        row.problem(clash->first, clash->second);
        continue;
      }
    }
    const auto known_item = item_at.find(read->item.document.id);
    if (known_item != item_at.end()) {
      ledger_item& earlier = books.items[known_item->second];
      ledger_item same = read->item;
      same.line = earlier.line;
      if (!(same == earlier))
        row.problem(invoice_id, "'" + read->item.document.id + "' appears on line " +
                                    std::to_string(earlier.line) + " with different data");
      continue;  // an identical repeat adds nothing
    }
    if (known_debtor == debtor_at.end()) {
      debtor_at.emplace(read->debtor.profile.id, books.debtors.size());
      books.debtors.push_back(std::move(read->debtor));
    }
    item_at.emplace(read->item.document.id, books.items.size());
    books.items.push_back(std::move(read->item));
  }
  if (!problems.empty() && !options.skip_bad) refuse(problems);
  books.problems = std::move(problems);
  return books;
}

}  // namespace

ledger read_ledger(std::istream& in, std::string_view source_name, const ledger_options& options) {
  return read_ledger_rows(in, source_name, options, 0);
}

ledger read_ledger_file(const std::filesystem::path& file, const ledger_options& options) {
  const std::size_t lines = count_lines(file);
  std::ifstream in = detail::open_input_file(file);
  return read_ledger_rows(in, file.string(), options, lines);
}

void read_debtors(std::istream& in, std::string_view source_name, ledger& books,
                  const ledger_options& options) {
  csv_records records(in, std::string(source_name));
  std::vector<ledger_problem> problems;
  column_map<debtors_column_count> columns(debtors_column_names);
  read_header_line(records, columns, problems);
  if (!columns.has(debtors_id))
    problems.push_back(
        {std::string(source_name), records.line(), "debtor_id", "required column missing"});
  if (!problems.empty()) refuse(problems);

  std::unordered_map<std::string_view, ledger_debtor*> debtor_of;
  for (ledger_debtor& d : books.debtors) debtor_of.emplace(d.profile.id, &d);
  while (records.next()) {
    row_reader<debtors_column_count> row(records, columns, problems);
    if (!row.complete()) continue;
    const std::string_view id = row.required(debtors_id);
    std::optional<payment_terms> terms;
    if (const auto days = row.days(debtors_term_days))
      terms = payment_terms{terms_basis::net, *days};
    if (const std::string_view text = row.text(debtors_terms); !text.empty()) {
      payment_terms parsed;
      if (!try_parse_terms(text, parsed))
        row.problem(debtors_terms, "invalid terms '" + std::string(text) +
                                       "'; expected \"net N\" or \"eom N\" with N in days");
      else if (terms && !(*terms == parsed))
        row.problem(debtors_terms, "disagrees with term_days; give one of them");
      else
        terms = parsed;
    }
    const auto found = debtor_of.find(id);
    ledger_debtor* debtor = found == debtor_of.end() ? nullptr : found->second;
    std::optional<money> value;
    if (debtor != nullptr) value = row.amount_in(debtors_relationship_value, debtor->currency);
    if (value && value->is_negative())
      row.problem(debtors_relationship_value, "negative; a relationship is worth zero or more");
    if (!row.ok() || debtor == nullptr) continue;
    if (terms) {
      debtor->profile.terms = terms;
      debtor->has_terms = true;
    }
    if (value) {
      debtor->profile.relationship_value = *value;
      debtor->has_relationship_value = true;
    }
  }
  if (!problems.empty() && !options.skip_bad) refuse(problems);
  books.problems.insert(books.problems.end(), problems.begin(), problems.end());
}

void read_debtors_file(const std::filesystem::path& file, ledger& books,
                       const ledger_options& options) {
  std::ifstream in = detail::open_input_file(file);
  read_debtors(in, file.string(), books, options);
}

}  // namespace arrears
