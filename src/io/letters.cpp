// Letters from templates: loading and checking the templates, the values of one letter,
// and rendering it as Markdown and HTML.

#include <arrears/io/letters.hpp>

#include "io/input_file.hpp"
#include "io/markdown_html.hpp"
#include "text/closest_name.hpp"

#include <arrears/core/error.hpp>
#include <arrears/model/statement.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace arrears {

// --- placeholders ----------------------------------------------------------------------

namespace {

/// A placeholder and the templates that may use it ("" for every template).
struct placeholder_spec {
  std::string_view name;
  placeholder_kind kind;
  std::string_view templates;
};

constexpr std::string_view arrangement_letters = "arrangement_proposal arrangement_confirmation";
constexpr std::string_view costs_letters = "fourteen_day_letter formal_notice";
constexpr std::string_view settlement_letters = "credit_note_notice goodwill_notice";

using enum placeholder_kind;

// docs/letters.md documents every entry; a test checks that it does.
constexpr placeholder_spec placeholder_specs[] = {
    // every letter: who writes to whom, and the statement of account on the letter's day
    {"sender_name", value, ""},
    {"sender_address", value, ""},
    {"sender_city", value, ""},
    {"sender_email", value, ""},
    {"sender_phone", value, ""},
    {"sender_iban", value, ""},
    {"sender_vat_number", value, ""},
    {"sender_chamber_of_commerce", value, ""},
    {"debtor_name", value, ""},
    {"debtor_address", value, ""},
    {"debtor_email", value, ""},
    {"debtor_number", value, ""},
    {"case_id", value, ""},
    {"letter_date", value, ""},
    {"currency", value, ""},
    {"amount", value, ""},
    {"deadline", value, ""},
    {"open_principal", value, ""},
    {"total_principal", value, ""},
    {"total_interest", value, ""},
    {"costs_charged", value, ""},
    {"interest_charged", value, ""},
    {"total_due", value, ""},
    {"held_amount", value, ""},
    {"claim_rows", rows, ""},
    {"invoice_rows", rows, ""},
    {"consumer", section, ""},
    {"business", section, ""},
    {"overdue", section, ""},
    {"held", section, ""},
    {"interest", section, ""},
    {"charged", section, ""},
    {"by_email", section, ""},
    {"by_registered_post", section, ""},
    {"dutch_law", section, ""},
    // reminder
    {"reminder_level", value, "reminder"},
    {"first_reminder", section, "reminder"},
    // 14-day letter and formal notice: the collection costs the law allows
    {"collection_costs", value, costs_letters},
    {"costs_vat", value, costs_letters},
    {"costs_total", value, costs_letters},
    {"vat_rate", value, costs_letters},
    {"total_with_costs", value, costs_letters},
    {"vat_charged", section, costs_letters},
    {"assumed_delivery", value, "fourteen_day_letter"},
    {"term_end", value, "fourteen_day_letter"},
    {"default_from", value, "formal_notice"},
    {"in_default", section, "formal_notice"},
    // arrangements
    {"instalment_rows", rows, arrangement_letters},
    {"instalment_count", value, arrangement_letters},
    {"instalments_total", value, arrangement_letters},
    {"first_instalment_date", value, arrangement_letters},
    {"last_instalment_date", value, arrangement_letters},
    {"agreed_on", value, "arrangement_confirmation"},
    // disputes
    {"disputed_claim", value, "dispute_acknowledgement position_explanation"},
    {"disputed_amount", value, "dispute_acknowledgement"},
    {"dispute_opened_on", value, "dispute_acknowledgement"},
    {"answer_by", value, "dispute_acknowledgement"},
    {"claim_open_amount", value, "position_explanation"},
    {"evidence_list", rows, "position_explanation"},
    // credit notes and goodwill
    {"credited_claim", value, "credit_note_notice"},
    {"credited_amount", value, "credit_note_notice"},
    {"waived_claim", value, "goodwill_notice"},
    {"waived_amount", value, "goodwill_notice"},
    {"remaining_after", value, settlement_letters},
    {"remaining", section, settlement_letters},
};

bool used_by(const placeholder_spec& spec, std::string_view template_name) {
  if (spec.templates.empty()) return true;
  std::string_view list = spec.templates;
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    if (list.substr(0, space) == template_name) return true;
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return false;
}

bool is_template_name(std::string_view name) {
  return std::find(letter_template_names.begin(), letter_template_names.end(), name) !=
         letter_template_names.end();
}

/// Whether `name` is a row block of any template (they must stand alone on their line).
bool is_rows_name(std::string_view name) {
  for (const auto& spec : placeholder_specs)
    if (spec.name == name) return spec.kind == rows;
  return false;
}

}  // namespace

std::vector<placeholder> letter_placeholders(std::string_view template_name) {
  std::vector<placeholder> out;
  if (!is_template_name(template_name)) return out;
  for (const auto& spec : placeholder_specs)
    if (used_by(spec, template_name)) out.push_back({spec.name, spec.kind});
  return out;
}

std::string_view letter_language(const collection_case& c) noexcept {
  const std::string& wanted = c.debtor().profile.language;
  for (const std::string_view language : letter_languages) {
    if (wanted.size() != language.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
      const char lower =
          wanted[i] >= 'A' && wanted[i] <= 'Z' ? static_cast<char>(wanted[i] + 32) : wanted[i];
      same = same && lower == language[i];
    }
    if (same) return language;
  }
  return "en";
}

// --- templates -------------------------------------------------------------------------

namespace {

enum class node_type : std::uint8_t { text, value, rows, section, inverted_section };

struct template_node {
  node_type type = node_type::text;
  std::string text;      ///< the text, or the placeholder's name
  std::size_t file = 0;  ///< index into parsed::files
  int line = 0;
  std::vector<template_node> children;  ///< a section's content
};

}  // namespace

struct letter_templates::parsed {
  std::string language;
  std::string name;
  /// The template's file first, then the partials it includes.
  std::vector<std::filesystem::path> files;
  std::vector<template_node> nodes;
};

namespace {

std::string where(const std::vector<std::filesystem::path>& files, std::size_t file, int line) {
  return files[file].string() + ":" + std::to_string(line) + ": ";
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in = detail::open_input_file(path);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a UTF-8 byte order mark
  return text;
}

bool is_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// One tag of a line: "{{#name}}" is sigil '#' and name "name".
struct tag {
  char sigil = 0;  ///< 0 for a value, or one of # ^ / ! >
  std::string name;
  std::size_t begin = 0, end = 0;  ///< its position in the line, end past "}}"
};

/// Parses template files into nodes. Partials are read from the template's directory and
/// spliced in; a partial may not include another.
class template_parser {
 public:
  template_parser(letter_templates::parsed& out, std::filesystem::path directory)
      : out_(out), directory_(std::move(directory)) {}

  void parse_file(const std::filesystem::path& path, bool is_partial) {
    const std::size_t file = out_.files.size();
    out_.files.push_back(path);
    const std::string text = read_text(path);
    const std::size_t depth = open_.size();
    const std::size_t outer_depth = std::exchange(file_depth_, depth);
    std::size_t start = 0;
    int line_number = 0;
    while (start < text.size()) {
      ++line_number;
      std::size_t end = text.find('\n', start);
      const bool has_newline = end != std::string::npos;
      if (!has_newline) end = text.size();
      std::string_view line(text.data() + start, end - start);
      if (line.ends_with('\r')) line.remove_suffix(1);
      parse_line(line, has_newline, file, line_number, is_partial);
      start = end + 1;
    }
    if (open_.size() > depth) {
      const open_section& unclosed = open_.back();
      throw error(errc::parse_error, where(out_.files, unclosed.file, unclosed.line) + "'{{" +
                                         std::string(1, unclosed.sigil) + unclosed.name +
                                         "}}' is never closed");
    }
    file_depth_ = outer_depth;
  }

  [[nodiscard]] std::vector<template_node>& current() {
    return open_.empty() ? out_.nodes : *open_.back().children;
  }

 private:
  struct open_section {
    std::string name;
    char sigil;
    std::size_t file;
    int line;
    std::vector<template_node>* children;
  };

  std::vector<tag> tags_of(std::string_view line, std::size_t file, int line_number) {
    std::vector<tag> tags;
    std::size_t from = 0;
    while (true) {
      const std::size_t open = line.find("{{", from);
      if (open == std::string_view::npos) break;
      const std::size_t close = line.find("}}", open + 2);
      if (close == std::string_view::npos)
        throw error(errc::parse_error,
                    where(out_.files, file, line_number) + "'{{' without '}}' on the same line");
      std::string_view inside = line.substr(open + 2, close - open - 2);
      tag t;
      t.begin = open;
      t.end = close + 2;
      if (!inside.empty() &&
          std::string_view("#^/!>").find(inside.front()) != std::string_view::npos) {
        t.sigil = inside.front();
        inside.remove_prefix(1);
      }
      while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
      while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
      t.name = std::string(inside);
      if (t.sigil != '!' && !is_name(t.name))
        throw error(errc::parse_error,
                    where(out_.files, file, line_number) + "'" +
                        std::string(line.substr(open, close + 2 - open)) +
                        "' is not a placeholder: names are lower-case letters, digits and '_'");
      tags.push_back(std::move(t));
      from = close + 2;
    }
    return tags;
  }

  static bool blank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
  }

  void add_text(std::string_view text, std::size_t file, int line_number) {
    if (text.empty()) return;
    auto& nodes = current();
    if (!nodes.empty() && nodes.back().type == node_type::text) {
      nodes.back().text += text;
      return;
    }
    nodes.push_back({node_type::text, std::string(text), file, line_number, {}});
  }

  void parse_line(std::string_view line, bool has_newline, std::size_t file, int line_number,
                  bool is_partial) {
    const std::vector<tag> tags = tags_of(line, file, line_number);
    // A section tag, comment, partial or row block alone on its line takes the line with it.
    const bool standalone = tags.size() == 1 && blank(line.substr(0, tags[0].begin)) &&
                            blank(line.substr(tags[0].end)) &&
                            (tags[0].sigil != 0 || is_rows_name(tags[0].name));
    std::size_t from = 0;
    for (const tag& t : tags) {
      if (!standalone) add_text(line.substr(from, t.begin - from), file, line_number);
      from = t.end;
      apply(t, standalone, file, line_number, is_partial);
    }
    if (standalone) return;
    add_text(line.substr(from), file, line_number);
    if (has_newline) add_text("\n", file, line_number);
  }

  void apply(const tag& t, bool standalone, std::size_t file, int line_number, bool is_partial) {
    const std::string at = where(out_.files, file, line_number);
    switch (t.sigil) {
      case '!':
        return;
      case '#':
      case '^': {
        auto& nodes = current();
        nodes.push_back({t.sigil == '#' ? node_type::section : node_type::inverted_section,
                         t.name,
                         file,
                         line_number,
                         {}});
        open_.push_back({t.name, t.sigil, file, line_number, &nodes.back().children});
        return;
      }
      case '/': {
        if (open_.size() <= file_depth_)
          throw error(errc::parse_error, at + "'{{/" + t.name + "}}' closes no section");
        const open_section& top = open_.back();
        if (top.name != t.name)
          throw error(errc::parse_error, at + "'{{/" + t.name + "}}' closes '" + top.name +
                                             "', opened on line " + std::to_string(top.line));
        open_.pop_back();
        return;
      }
      case '>': {
        if (is_partial)
          throw error(errc::parse_error,
                      at + "a partial cannot include another ('{{>" + t.name + "}}')");
        if (!standalone)
          throw error(errc::parse_error, at + "'{{>" + t.name + "}}' must stand alone on its line");
        parse_file(directory_ / ("_" + t.name + ".md"), true);
        return;
      }
      default:
        if (is_rows_name(t.name) && !standalone)
          throw error(errc::parse_error,
                      at + "'{{" + t.name + "}}' must stand alone on its line: it writes rows");
        current().push_back({is_rows_name(t.name) ? node_type::rows : node_type::value,
                             t.name,
                             file,
                             line_number,
                             {}});
    }
  }

  letter_templates::parsed& out_;
  std::filesystem::path directory_;
  std::vector<open_section> open_;
  /// Sections open when the file being read began; it may close only its own.
  std::size_t file_depth_ = 0;
};

/// Checks every name against the template's placeholders.
void check_names(const letter_templates::parsed& t, const std::vector<template_node>& nodes,
                 const std::vector<placeholder>& known,
                 const std::vector<std::string_view>& known_names) {
  for (const template_node& node : nodes) {
    if (node.type == node_type::text) continue;
    const auto found = std::find_if(known.begin(), known.end(),
                                    [&](const placeholder& p) { return p.name == node.text; });
    const bool is_section =
        node.type == node_type::section || node.type == node_type::inverted_section;
    const std::string at = where(t.files, node.file, node.line);
    if (found == known.end()) {
      const char* what = is_section ? "section" : "placeholder";
      const std::string spelled = is_section ? (node.type == node_type::section ? "#" : "^") : "";
      std::string message = at + "unknown " + what + " '{{" + spelled + node.text +
                            "}}' in template '" + t.name + "'";
      const std::string hint = detail::did_you_mean(node.text, known_names);
      message += hint.empty() ? "; docs/letters.md lists the placeholders of every template" : hint;
      throw error(errc::unknown_field, message);
    }
    if (node.type == node_type::value && found->kind == placeholder_kind::section)
      throw error(errc::unknown_field, at + "'" + node.text +
                                           "' is a section, not a value: write "
                                           "'{{#" +
                                           node.text + "}}...{{/" + node.text + "}}'");
    check_names(t, node.children, known, known_names);
  }
}

}  // namespace

letter_templates::letter_templates(std::shared_ptr<const std::vector<parsed>> templates)
    : templates_(std::move(templates)) {}

letter_templates letter_templates::load(const std::filesystem::path& dir) {
  auto templates = std::make_shared<std::vector<parsed>>();
  templates->reserve(letter_languages.size() * letter_template_names.size());
  for (const std::string_view language : letter_languages) {
    const std::filesystem::path directory = dir / std::string(language);
    for (const std::string_view name : letter_template_names) {
      parsed& t = templates->emplace_back();
      t.language = std::string(language);
      t.name = std::string(name);
      template_parser parser(t, directory);
      parser.parse_file(directory / (std::string(name) + ".md"), false);
      const std::vector<placeholder> known = letter_placeholders(name);
      std::vector<std::string_view> known_names;
      for (const placeholder& p : known) known_names.push_back(p.name);
      check_names(t, t.nodes, known, known_names);
    }
  }
  return letter_templates(std::move(templates));
}

const letter_templates::parsed& letter_templates::get(std::string_view language,
                                                      std::string_view name) const {
  for (const parsed& t : *templates_)
    if (t.language == language && t.name == name) return t;
  throw error(errc::invalid_argument, "no letter template '" + std::string(name) +
                                          "' in language '" + std::string(language) + "'");
}

const std::filesystem::path& letter_templates::source(std::string_view language,
                                                      std::string_view name) const {
  return get(language, name).files.front();
}

// --- formatting ------------------------------------------------------------------------

namespace {

/// "1234567.89" as "1.234.567,89" (nl) or "1,234,567.89" (en).
std::string grouped_amount(money m, bool dutch) {
  const std::string plain = format_amount(m);
  const bool negative = plain.starts_with('-');
  const std::string_view digits = std::string_view(plain).substr(negative ? 1 : 0);
  const std::size_t point = digits.find('.');
  const std::string_view whole = digits.substr(0, point);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += dutch ? '.' : ',';
    out += whole[i];
  }
  if (point != std::string_view::npos) {
    out += dutch ? ',' : '.';
    out += digits.substr(point + 1);
  }
  return out;
}

std::string format_money(money m, std::string_view language) {
  const bool dutch = language == "nl";
  const currency in = m.currency();
  const std::string_view code = in.code();
  const std::string amount = grouped_amount(m, dutch);
  if (dutch) return (code == "EUR" ? std::string("€") : std::string(code)) + " " + amount;
  const std::string_view symbol = code == "EUR" ? "€" : code == "GBP" ? "£" : "";
  if (symbol.empty()) return std::string(code) + " " + amount;
  return amount.starts_with('-') ? "-" + std::string(symbol) + amount.substr(1)
                                 : std::string(symbol) + amount;
}

constexpr std::array<std::string_view, 12> dutch_months{
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> english_months{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string format_date(date d, std::string_view language) {
  if (d.is_special()) return {};
  const civil_date civil = civil_of(d);
  const auto& months = language == "nl" ? dutch_months : english_months;
  return std::to_string(civil.day) + " " + std::string(months[civil.month - 1]) + " " +
         std::to_string(civil.year);
}

/// "21%", "9,5%" (nl) or "9.5%" (en).
std::string format_rate(rate r, std::string_view language) {
  std::string text = to_string(r);
  while (text.ends_with('0') && text.find('.') != std::string::npos) text.pop_back();
  if (text.ends_with('.')) text.pop_back();
  if (language == "nl") std::replace(text.begin(), text.end(), '.', ',');
  return text + "%";
}

/// The case id as a file name part: letters, digits, '-', '_' and '.' kept, the rest '_';
/// never empty and never starting with '.'.
std::string safe_file_part(std::string_view id) {
  std::string out;
  for (const char c : id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    out += keep ? c : '_';
  }
  if (out.empty()) return "case";
  if (out.front() == '.') out.front() = '_';
  return out;
}

// --- the values of one letter -----------------------------------------------------------

struct letter_values {
  std::map<std::string, std::string, std::less<>> values;
  std::map<std::string, std::string, std::less<>> rows;
  std::map<std::string, bool, std::less<>> flags;

  [[nodiscard]] bool holds(std::string_view name) const {
    if (const auto flag = flags.find(name); flag != flags.end()) return flag->second;
    if (const auto text = values.find(name); text != values.end()) return !text->second.empty();
    if (const auto block = rows.find(name); block != rows.end()) return !block->second.empty();
    return false;
  }
};

/// A table row of Markdown cells, each escaped.
std::string table_row(std::initializer_list<std::string> cells) {
  std::string row = "|";
  for (const std::string& cell : cells) row += " " + detail::markdown_escape(cell) + " |";
  return row + "\n";
}

class letter_writer {
 public:
  letter_writer(const collection_case& c, const decision& d, const action_letter& letter,
                date today, const jurisdiction& law, const letter_sender& sender,
                std::string_view language)
      : c_(c), d_(d), letter_(letter), today_(today), language_(language) {
    statement_options options;
    options.creditor_can_deduct_vat = sender.can_deduct_vat;
    statement_ = statement_of(c, today, law, options);
    common(sender);
  }

  letter_values take() {
    if (letter_.reminder) {
      reminder();
    } else {
      switch (letter_.kind) {
        case letter_kind::fourteen_day_letter:
          fourteen_day_letter();
          break;
        case letter_kind::formal_notice:
          formal_notice();
          break;
        case letter_kind::arrangement_proposal:
          arrangement(d_.parameters.instalments, "the decision proposes no instalments");
          break;
        case letter_kind::arrangement_confirmation:
          arrangement_confirmation();
          break;
        case letter_kind::dispute_acknowledgement:
          dispute_acknowledgement();
          break;
        case letter_kind::position_explanation:
          position_explanation();
          break;
        case letter_kind::credit_note_notice:
          credit_note_notice();
          break;
        case letter_kind::goodwill_notice:
          goodwill_notice();
          break;
      }
    }
    return std::move(v_);
  }

 private:
  [[nodiscard]] std::string money_text(money m) const { return format_money(m, language_); }
  [[nodiscard]] std::string date_text(date d) const { return format_date(d, language_); }
  void set(std::string_view name, std::string text) {
    v_.values[std::string(name)] = std::move(text);
  }
  void flag(std::string_view name, bool on) { v_.flags[std::string(name)] = on; }

  [[noreturn]] void refuse(const std::string& why) const {
    throw error(errc::invalid_argument, "case " + c_.id() + ": cannot write the " +
                                            std::string(letter_.template_name()) + ": " + why);
  }

  [[nodiscard]] money zero() const { return money::zero(c_.currency()); }

  void common(const letter_sender& sender) {
    set("sender_name", sender.name);
    set("sender_address", sender.postal_address);
    set("sender_city", sender.city);
    set("sender_email", sender.email);
    set("sender_phone", sender.phone);
    set("sender_iban", sender.iban);
    set("sender_vat_number", sender.vat_number);
    set("sender_chamber_of_commerce", sender.chamber_of_commerce);

    const debtor_profile& profile = c_.debtor().profile;
    set("debtor_name", profile.name.empty() ? profile.id : profile.name);
    set("debtor_address", profile.contact.postal_address);
    set("debtor_email", profile.contact.email);
    set("debtor_number", profile.id);
    set("case_id", c_.id());
    set("letter_date", date_text(today_));
    set("currency", to_string(c_.currency()));

    const statement& s = statement_;
    set("amount", money_text(d_.parameters.amount.value_or(s.total_due)));
    set("deadline", date_text(d_.parameters.deadline.value_or(today_ + days(14))));
    set("open_principal", money_text(s.open_principal));
    set("total_principal", money_text(s.overdue_principal));
    set("total_interest", money_text(s.interest));
    set("costs_charged", money_text(s.costs_charged));
    set("interest_charged", money_text(s.interest_charged));
    set("total_due", money_text(s.total_due));
    set("held_amount", money_text(s.held));

    std::string claim_rows, invoice_rows;
    for (const statement_line* line : s.overdue_lines()) {
      claim_rows +=
          table_row({line->claim_id, date_text(line->issue_date), date_text(line->due_date),
                     money_text(line->undisputed), money_text(line->interest)});
      invoice_rows += table_row({line->claim_id, date_text(line->issue_date),
                                 date_text(line->due_date), money_text(line->undisputed)});
    }
    v_.rows["claim_rows"] = std::move(claim_rows);
    v_.rows["invoice_rows"] = std::move(invoice_rows);

    const bool consumer = s.debtor == debtor_kind::consumer;
    flag("consumer", consumer);
    flag("business", !consumer);
    flag("overdue", s.overdue_principal.is_positive());
    flag("held", s.held.is_positive());
    flag("interest", s.interest.is_positive());
    flag("charged", s.costs_charged.is_positive() || s.interest_charged.is_positive());
    flag("by_email", letter_.channel == channel::email);
    flag("by_registered_post", letter_.channel == channel::registered_post);
    flag("dutch_law", s.jurisdiction == "nl");
  }

  void reminder() {
    set("reminder_level", std::to_string(std::max(1, letter_.reminder_level)));
    flag("first_reminder", letter_.reminder_level <= 1);
  }

  void costs() {
    const statement_costs& costs = statement_.collection_costs;
    set("collection_costs", money_text(costs.costs));
    set("costs_vat", money_text(costs.vat));
    set("costs_total", money_text(costs.total));
    set("vat_rate", format_rate(costs.vat_rate, language_));
    // The costs come from the law pack; they are in the case's currency for every pack
    // that charges in it, and money arithmetic refuses anything else.
    set("total_with_costs", money_text(statement_.total_due + costs.total));
    flag("vat_charged", costs.vat.is_positive());
  }

  void fourteen_day_letter() {
    if (!statement_.fourteen_day_term)
      refuse("the law '" + statement_.jurisdiction + "' has no 14-day letter");
    if (!statement_.overdue_principal.is_positive()) refuse("no undisputed principal is overdue");
    costs();
    set("assumed_delivery", date_text(statement_.fourteen_day_term->assumed_delivery));
    set("term_end", date_text(statement_.fourteen_day_term->term_ends));
  }

  void formal_notice() {
    if (!statement_.overdue_principal.is_positive()) refuse("no undisputed principal is overdue");
    costs();
    std::optional<date> first;
    for (const statement_line* line : statement_.overdue_lines())
      if (line->default_from && (!first || *line->default_from < *first))
        first = line->default_from;
    set("default_from", first ? date_text(*first) : std::string());
    flag("in_default", first && *first <= today_);
  }

  void arrangement(const std::vector<instalment>& schedule, const char* missing) {
    if (schedule.empty()) refuse(missing);
    std::string rows;
    money total = money::zero(schedule.front().amount.currency());
    for (std::size_t i = 0; i < schedule.size(); ++i) {
      rows += table_row(
          {std::to_string(i + 1), date_text(schedule[i].due), money_text(schedule[i].amount)});
      total += schedule[i].amount;
    }
    v_.rows["instalment_rows"] = std::move(rows);
    set("instalment_count", std::to_string(schedule.size()));
    set("instalments_total", money_text(total));
    set("first_instalment_date", date_text(schedule.front().due));
    set("last_instalment_date", date_text(schedule.back().due));
  }

  void arrangement_confirmation() {
    const auto& running = c_.arrangement();
    if (!running) refuse("the case has no agreed arrangement");
    arrangement(running->schedule, "the arrangement has no instalments");
    set("agreed_on", date_text(running->agreed_on));
  }

  void dispute_acknowledgement() {
    const claim_balance* disputed = nullptr;
    for (const claim_balance& balance : c_.claims()) {
      if (!balance.dispute_open) continue;
      if (disputed == nullptr || (balance.dispute_opened_on && disputed->dispute_opened_on &&
                                  *balance.dispute_opened_on > *disputed->dispute_opened_on))
        disputed = &balance;
    }
    if (disputed == nullptr) refuse("no dispute is open");
    set("disputed_claim", disputed->invoice.id);
    set("disputed_amount", money_text(disputed->disputed));
    set("dispute_opened_on",
        disputed->dispute_opened_on ? date_text(*disputed->dispute_opened_on) : std::string());
    const date answer_by =
        d_.next_review.value_or(d_.parameters.deadline.value_or(today_ + days(14)));
    set("answer_by", date_text(answer_by));
  }

  /// The claim whose complaint was found invalid (else partially valid), still open.
  [[nodiscard]] const claim_balance* rejected_complaint() const {
    for (const verdict wanted : {verdict::invalid, verdict::partially_valid})
      for (const claim_balance& balance : c_.claims())
        if (balance.last_verdict == wanted && !balance.dispute_open &&
            balance.undisputed().is_positive())
          return &balance;
    return nullptr;
  }

  void position_explanation() {
    const claim_balance* complaint = rejected_complaint();
    if (complaint == nullptr) refuse("no claim has a complaint found invalid");
    set("disputed_claim", complaint->invoice.id);
    set("claim_open_amount", money_text(complaint->undisputed()));
    // The evidence recorded since the complaint was opened; none when the history is gone.
    std::vector<std::string> evidence;
    for (const event& e : c_.history()) {
      if (const auto* opened = std::get_if<dispute_opened>(&e.body);
          opened != nullptr && opened->claim == complaint->invoice.id)
        evidence.clear();
      if (const auto* added = std::get_if<evidence_added>(&e.body);
          added != nullptr && added->claim == complaint->invoice.id && !added->description.empty())
        evidence.push_back(added->description);
    }
    std::string list;
    for (const std::string& item : evidence) list += "- " + detail::markdown_escape(item) + "\n";
    v_.rows["evidence_list"] = std::move(list);
  }

  /// What stays open after `settled` leaves the case: principal, costs and interest.
  [[nodiscard]] money remaining_after(money settled) const {
    const money open =
        statement_.open_principal + statement_.costs_charged + statement_.interest_charged;
    const money rest = open - settled;
    return rest.is_negative() ? zero() : rest;
  }

  void settle(money amount) {
    const money rest = remaining_after(amount);
    set("remaining_after", money_text(rest));
    flag("remaining", rest.is_positive());
  }

  void credit_note_notice() {
    const claim_balance* credited = nullptr;
    money awaiting = zero();
    for (const claim_balance& balance : c_.claims()) {
      if (!balance.awaiting_credit.is_positive()) continue;
      if (credited == nullptr) credited = &balance;
      awaiting += balance.awaiting_credit;
    }
    const money amount = d_.parameters.amount.value_or(awaiting);
    if (!amount.is_positive()) refuse("no amount to credit");
    set("credited_claim", credited != nullptr ? credited->invoice.id : std::string());
    set("credited_amount", money_text(amount));
    settle(amount);
  }

  void goodwill_notice() {
    const claim_balance* waived = rejected_complaint();
    const money amount =
        d_.parameters.amount.value_or(waived != nullptr ? waived->undisputed() : zero());
    if (!amount.is_positive()) refuse("no amount to waive");
    set("waived_claim", waived != nullptr ? waived->invoice.id : std::string());
    set("waived_amount", money_text(amount));
    settle(amount);
  }

  const collection_case& c_;
  const decision& d_;
  const action_letter& letter_;
  date today_;
  std::string_view language_;
  statement statement_;
  letter_values v_;
};

// --- rendering ---------------------------------------------------------------------------

void render_nodes(const letter_templates::parsed& t, const std::vector<template_node>& nodes,
                  const letter_values& v, std::string& out) {
  for (const template_node& node : nodes) {
    switch (node.type) {
      case node_type::text:
        out += node.text;
        break;
      case node_type::value: {
        const auto found = v.values.find(node.text);
        if (found == v.values.end())
          throw error(errc::invalid_argument, where(t.files, node.file, node.line) +
                                                  "no value for '{{" + node.text + "}}'");
        out += detail::markdown_escape(found->second);
        break;
      }
      case node_type::rows: {
        const auto found = v.rows.find(node.text);
        if (found == v.rows.end())
          throw error(errc::invalid_argument,
                      where(t.files, node.file, node.line) + "no rows for '{{" + node.text + "}}'");
        out += found->second;
        break;
      }
      case node_type::section:
        if (v.holds(node.text)) render_nodes(t, node.children, v, out);
        break;
      case node_type::inverted_section:
        if (!v.holds(node.text)) render_nodes(t, node.children, v, out);
        break;
    }
  }
}

/// No leading blank lines, at most one blank line in a row, exactly one newline at the end:
/// sections that render nothing leave no holes.
std::string tidy(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  int newlines = 2;  // as if after a blank line: drops leading blank lines
  std::string pending_spaces;
  for (const char c : text) {
    if (c == '\n') {
      // Trailing whitespace is dropped, except a two-space hard break.
      if (pending_spaces.size() >= 2) out += "  ";
      pending_spaces.clear();
      if (++newlines <= 2) out += '\n';
      continue;
    }
    if (c == ' ' || c == '\t') {
      pending_spaces += c;
      continue;
    }
    out += pending_spaces;
    pending_spaces.clear();
    newlines = 0;
    out += c;
  }
  while (out.ends_with('\n')) out.pop_back();
  return out + "\n";
}

/// The text of the first "# " heading, or `fallback`.
std::string title_of(std::string_view markdown, std::string_view fallback) {
  std::size_t start = 0;
  while (start < markdown.size()) {
    const std::size_t end = markdown.find('\n', start);
    const std::string_view line = markdown.substr(start, end - start);
    if (line.starts_with("# ")) return detail::markdown_plain_text(line.substr(2));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::string(fallback);
}

}  // namespace

rendered_letter render_letter(const letter_templates& templates, const collection_case& c,
                              const decision& d, const action_letter& letter, date today,
                              const jurisdiction& law, const letter_sender& sender) {
  const std::string_view language = letter_language(c);
  const std::string_view name = letter.template_name();
  const letter_templates::parsed& t = templates.get(language, name);
  const letter_values values = letter_writer(c, d, letter, today, law, sender, language).take();

  std::string markdown;
  render_nodes(t, t.nodes, values, markdown);
  rendered_letter out;
  out.markdown = tidy(markdown);
  out.language = std::string(language);
  out.file_stem = safe_file_part(c.id()) + "-" + std::string(name) + "-" + to_iso(today);
  out.html = detail::html_document(language, title_of(out.markdown, name),
                                   detail::markdown_to_html(out.markdown));
  return out;
}

}  // namespace arrears
