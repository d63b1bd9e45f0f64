#pragma once
// Letters from templates: the reminder and the eight letter kinds, in Dutch and English,
// written as Markdown and as HTML. docs/letters.md lists the templates, their placeholders
// and the legal content each letter carries.
//
// Templates are Markdown files `<dir>/<language>/<name>.md` with
//   {{name}}                a value (amount, date, name), escaped for Markdown and HTML;
//   {{name}} on its own line, for the row blocks (claim_rows, invoice_rows, instalment_rows,
//                           evidence_list) the code writes: table rows or list items;
//   {{#name}}...{{/name}}   a section shown when `name` holds (a flag such as consumer or
//                           vat_charged, or any value that is not empty);
//   {{^name}}...{{/name}}   a section shown when it does not;
//   {{>name}}               the partial `<dir>/<language>/_<name>.md` (a shared letterhead);
//   {{! text}}              a comment.
// A tag alone on its line takes the line with it. Every name is checked when the templates
// are loaded, against the placeholders of the template that uses it.

#include <arrears/core/date.hpp>
#include <arrears/io/letter_sender.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/policy/action_letter.hpp>
#include <arrears/policy/decision.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// The languages letters are written in. A debtor whose profile names another language
/// gets English.
inline constexpr std::array<std::string_view, 2> letter_languages{"nl", "en"};

/// The template names: action_letter::template_name() of every letter.
inline constexpr std::array<std::string_view, 9> letter_template_names{"reminder",
                                                                       "fourteen_day_letter",
                                                                       "formal_notice",
                                                                       "arrangement_proposal",
                                                                       "arrangement_confirmation",
                                                                       "dispute_acknowledgement",
                                                                       "position_explanation",
                                                                       "credit_note_notice",
                                                                       "goodwill_notice"};

/// What kind of placeholder a name is.
enum class placeholder_kind : std::uint8_t {
  value,    ///< {{name}}: text
  rows,     ///< {{name}} alone on a line: table rows or list items
  section,  ///< {{#name}}: a flag (values may be used as sections too)
};

struct placeholder {
  std::string_view name;
  placeholder_kind kind = placeholder_kind::value;
};

/// The placeholders template `template_name` may use (those of every letter first), or an
/// empty list for a name that is not a template.
[[nodiscard]] std::vector<placeholder> letter_placeholders(std::string_view template_name);

/// The language a case's letters are written in: the debtor's ("nl", "en"), or "en".
[[nodiscard]] std::string_view letter_language(const collection_case& c) noexcept;

class letter_templates;

/// One letter, ready to be written.
struct rendered_letter {
  /// "<case id>-<template>-<YYYY-MM-DD>": characters other than letters, digits, '-', '_'
  /// and '.' in the case id become '_', so the stem is a safe file name.
  std::string file_stem;
  std::string language;
  std::string markdown;
  /// A complete HTML document (UTF-8), every substituted value escaped.
  std::string html;
};

/// Writes `letter` for case `c` as decided in `d`, dated `today`, with the amounts of
/// statement_of(c, today, law, the sender's VAT position) (model/statement.hpp).
/// Amounts: nl "€ 1.234,56", en "€1,234.56" (other currencies by code: "USD 1.234,56",
/// "USD 1,234.56"). Dates: nl "2 juni 2025", en "2 June 2025".
/// Throws error{errc::invalid_argument} when the case lacks what the letter is about (a
/// 14-day letter under a law without a consumer-costs notice, an arrangement proposal
/// without instalments, a confirmation without an arrangement, an acknowledgement without
/// an open dispute, an explanation without a rejected complaint, a credit note notice or a
/// goodwill notice without an amount), and what statement_of throws.
[[nodiscard]] rendered_letter render_letter(const letter_templates& templates,
                                            const collection_case& c, const decision& d,
                                            const action_letter& letter, date today,
                                            const jurisdiction& law, const letter_sender& sender);

/// Every template in every language, parsed and checked. Immutable; copies share it.
class letter_templates {
 public:
  /// Reads `<dir>/<language>/<name>.md` for every language and template name, with the
  /// partials they include. Throws error{errc::io_error} for a file that cannot be read,
  /// error{errc::parse_error} for a tag that is not closed, a section closed out of order
  /// or a row block not alone on its line, and error{errc::unknown_field} for a
  /// placeholder the template may not use; every message starts with `file:line: `.
  [[nodiscard]] static letter_templates load(const std::filesystem::path& dir);

  /// The file template `name` in `language` was read from. Throws
  /// error{errc::invalid_argument} for an unknown language or name.
  [[nodiscard]] const std::filesystem::path& source(std::string_view language,
                                                    std::string_view name) const;

  struct parsed;  ///< one template; private to src/io/letters.cpp

 private:
  friend rendered_letter render_letter(const letter_templates&, const collection_case&,
                                       const decision&, const action_letter&, date,
                                       const jurisdiction&, const letter_sender&);
  explicit letter_templates(std::shared_ptr<const std::vector<parsed>> templates);
  [[nodiscard]] const parsed& get(std::string_view language, std::string_view name) const;

  std::shared_ptr<const std::vector<parsed>> templates_;
};

}  // namespace arrears
