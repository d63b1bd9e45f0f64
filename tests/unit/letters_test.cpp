// The letters of the daily run: every template in both languages renders, carries the
// content the law and the playbook require (docs/letters.md), and escapes what it prints.

#include <arrears/io/letters.hpp>
#include <arrears/law/fourteen_day_letter.hpp>
#include <arrears/model/statement.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace arrears {
namespace {

using namespace arrears::testing;
using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path template_dir = ARREARS_SOURCE_DIR "/data/templates";

const letter_templates& templates() {
  static const letter_templates loaded = letter_templates::load(template_dir);
  return loaded;
}

const jurisdiction& dutch_law() {
  static const auto law = make_jurisdiction("nl");
  return *law;
}

const date today = day("2025-06-02");  // a Monday

letter_sender sender(bool can_deduct_vat = true) {
  letter_sender s;
  s.name = "Fietsenmakerij Zonnig B.V.";
  s.postal_address = "Hoofdstraat 1\n3511 AA Utrecht";
  s.email = "debiteuren@zonnig.example";
  s.phone = "030 123 45 67";
  s.iban = "NL91 ABNA 0417 1643 00";
  s.vat_number = "NL001234567B01";
  s.chamber_of_commerce = "12345678";
  s.city = "Utrecht";
  s.can_deduct_vat = can_deduct_vat;
  return s;
}

debtor_profile debtor_in(std::string_view language, debtor_kind kind) {
  debtor_profile d = business_debtor("D-7");
  d.name = kind == debtor_kind::consumer ? "Jan Jansen" : "Bakkerij De Vries B.V.";
  d.kind = kind;
  d.language = std::string(language);
  d.contact.postal_address = "Dorpsstraat 12\n1234 AB Ergens";
  return d;
}

/// One invoice of 1,000.00 issued 2025-03-01, due 2025-03-31.
collection_case one_invoice(std::string_view language, debtor_kind kind) {
  collection_case c("C-1");
  c.apply({day("2025-03-01"), debtor_updated{debtor_in(language, kind)}, "ledger"});
  c.apply({day("2025-03-01"), claim_added{invoice("INV-1", "2025-03-01", "2025-03-31", "1000.00")},
           "ledger"});
  return c;
}

action_letter letter_of(letter_kind kind) {
  action_letter letter;
  letter.kind = kind;
  return letter;
}

action_letter reminder(int level) {
  action_letter letter;
  letter.reminder = true;
  letter.reminder_level = level;
  letter.channel = channel::email;
  return letter;
}

/// A case, decision and letter for one template, as the run would have them.
struct scenario {
  collection_case c;
  decision d;
  action_letter letter;
};

scenario scenario_for(std::string_view template_name, std::string_view language) {
  scenario s{one_invoice(language, debtor_kind::consumer), {}, {}};
  if (template_name == "reminder") {
    s.d.kind = action::remind;
    s.d.parameters.amount = eur("1000.00");
    s.d.parameters.deadline = day("2025-06-12");
    s.letter = reminder(1);
  } else if (template_name == "fourteen_day_letter") {
    s.d.kind = action::send_fourteen_day_letter;
    s.letter = letter_of(letter_kind::fourteen_day_letter);
  } else if (template_name == "formal_notice") {
    s.c = one_invoice(language, debtor_kind::business);
    s.d.kind = action::send_formal_notice;
    s.d.parameters.deadline = day("2025-06-16");
    s.letter = letter_of(letter_kind::formal_notice);
  } else if (template_name == "arrangement_proposal") {
    s.d.kind = action::propose_arrangement;
    s.d.parameters.deadline = day("2025-06-16");
    s.d.parameters.instalments = {{day("2025-07-01"), eur("333.33")},
                                  {day("2025-08-01"), eur("333.33")},
                                  {day("2025-09-01"), eur("333.34")}};
    s.letter = letter_of(letter_kind::arrangement_proposal);
  } else if (template_name == "arrangement_confirmation") {
    s.c.apply({day("2025-05-28"), arrangement_agreed{{{day("2025-06-15"), eur("600.00")},
                                                      {day("2025-07-15"), eur("400.00")}}}});
    s.d.kind = action::confirm_arrangement;
    s.letter = letter_of(letter_kind::arrangement_confirmation);
  } else if (template_name == "dispute_acknowledgement") {
    s.c.apply(
        {day("2025-05-20"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
    s.d.kind = action::investigate_dispute;
    s.d.next_review = day("2025-06-16");
    s.letter = letter_of(letter_kind::dispute_acknowledgement);
  } else if (template_name == "position_explanation") {
    s.c.apply(
        {day("2025-05-20"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
    s.c.apply({day("2025-05-22"),
               evidence_added{"INV-1", "Delivery note signed for 20 frames", "DN-881"}});
    s.c.apply({day("2025-05-26"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});
    s.d.kind = action::explain_position;
    s.d.parameters.deadline = day("2025-06-16");
    s.letter = letter_of(letter_kind::position_explanation);
  } else if (template_name == "credit_note_notice") {
    s.c.apply(
        {day("2025-05-20"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
    s.c.apply({day("2025-05-26"), dispute_resolved{"INV-1", verdict::valid, eur("400.00")}});
    s.d.kind = action::issue_credit_note;
    s.d.parameters.amount = eur("400.00");
    s.letter = letter_of(letter_kind::credit_note_notice);
  } else if (template_name == "goodwill_notice") {
    s.c.apply(
        {day("2025-05-20"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
    s.c.apply({day("2025-05-26"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});
    s.d.kind = action::write_off_goodwill;
    s.d.parameters.amount = eur("400.00");
    s.letter = letter_of(letter_kind::goodwill_notice);
  }
  return s;
}

rendered_letter render(const scenario& s, const letter_sender& from = sender()) {
  return render_letter(templates(), s.c, s.d, s.letter, today, dutch_law(), from);
}

// What each letter must say, per language: its legal and playbook content (docs/letters.md).
const std::map<std::string, std::map<std::string, std::vector<std::string>>> required = {
    {"reminder",
     {{"nl", {"# Betalingsherinnering", "INV-1", "€ 1.000,00", "12 juni 2025", "NL91 ABNA"}},
      {"en", {"# Payment reminder", "INV-1", "€1,000.00", "12 June 2025", "NL91 ABNA"}}}},
    {"fourteen_day_letter",
     {{"nl",
       {"INV-1", "€ 1.000,00", "Wettelijke rente", "€ 150,00",
        "geen btw, omdat wij de btw kunnen verrekenen",
        "binnen veertien dagen, te rekenen vanaf de dag nadat deze brief bij u is bezorgd",
        "18 juni 2025", "Aan deze brief zijn voor u geen kosten verbonden",
        "Betaalt u niet binnen deze termijn"}},
      {"en",
       {"INV-1", "€1,000.00", "Statutory interest", "€150.00",
        "We do not charge VAT on these collection costs, because we can deduct VAT",
        "within fourteen days from the day after this letter is delivered to you", "18 June 2025",
        "This letter itself costs you nothing", "If you do not pay within this term"}}}},
    {"formal_notice",
     {{"nl",
       {"# Ingebrekestelling", "INV-1", "in verzuim", "1 april 2025", "handelsrente",
        "artikel 6:119a", "€ 19,25", "incassokosten", "€ 150,00", "16 juni 2025"}},
      {"en",
       {"# Formal notice of default", "INV-1", "in default", "1 April 2025", "commercial interest",
        "article 6:119a", "€19.25", "collection costs", "€150.00", "16 June 2025"}}}},
    {"arrangement_proposal",
     {{"nl",
       {"betalingsregeling", "€ 333,33", "€ 333,34", "1 juli 2025", "1 september 2025",
        "€ 1.000,00", "16 juni 2025"}},
      {"en",
       {"payment arrangement", "€333.33", "€333.34", "1 July 2025", "1 September 2025", "€1,000.00",
        "16 June 2025"}}}},
    {"arrangement_confirmation",
     {{"nl",
       {"Bevestiging", "28 mei 2025", "€ 600,00", "15 juni 2025", "€ 400,00", "15 juli 2025"}},
      {"en",
       {"Confirmation", "28 May 2025", "€600.00", "15 June 2025", "€400.00", "15 July 2025"}}}},
    {"dispute_acknowledgement",
     {{"nl",
       {"Dank u wel", "factuur INV-1", "€ 400,00", "geen herinneringen", "16 juni 2025",
        "20 mei 2025", "€ 600,00"}},
      {"en",
       {"Thank you", "invoice INV-1", "€400.00", "no reminders", "16 June 2025", "20 May 2025",
        "€600.00"}}}},
    {"position_explanation",
     {{"nl",
       {"klacht over factuur INV-1", "niet terecht", "Delivery note signed for 20 frames",
        "€ 1.000,00", "16 juni 2025"}},
      {"en",
       {"complaint about invoice INV-1", "not justified", "Delivery note signed for 20 frames",
        "€1,000.00", "16 June 2025"}}}},
    {"credit_note_notice",
     {{"nl", {"factuur INV-1", "u had gelijk", "€ 400,00", "creditnota", "€ 600,00"}},
      {"en", {"invoice INV-1", "you were right", "€400.00", "credit note", "€600.00"}}}},
    {"goodwill_notice",
     {{"nl", {"factuur INV-1", "eenmalig", "coulance", "€ 400,00", "kost ons", "€ 600,00"}},
      {"en", {"invoice INV-1", "once", "goodwill", "€400.00", "costs us", "€600.00"}}}},
};

TEST(letters, every_template_renders_in_both_languages_with_its_required_content) {
  ASSERT_EQ(required.size(), letter_template_names.size());
  for (const std::string_view name : letter_template_names) {
    for (const std::string_view language : letter_languages) {
      SCOPED_TRACE(std::string(name) + " in " + std::string(language));
      const scenario s = scenario_for(name, language);
      ASSERT_EQ(s.letter.template_name(), name);
      const rendered_letter letter = render(s);
      EXPECT_EQ(letter.language, language);
      EXPECT_EQ(letter.file_stem, "C-1-" + std::string(name) + "-2025-06-02");
      EXPECT_THAT(letter.markdown, Not(HasSubstr("{{")));
      EXPECT_THAT(letter.markdown, Not(HasSubstr("}}")));
      EXPECT_THAT(letter.markdown, HasSubstr("Fietsenmakerij Zonnig B.V."));
      EXPECT_THAT(letter.markdown, HasSubstr(language == "nl" ? "2 juni 2025" : "2 June 2025"));
      EXPECT_THAT(letter.markdown, HasSubstr("C-1"));
      EXPECT_TRUE(letter.html.starts_with("<!DOCTYPE html>\n<html lang=\"" + std::string(language) +
                                          "\">"));
      EXPECT_THAT(letter.html, HasSubstr("<h1>"));
      EXPECT_THAT(letter.html, Not(HasSubstr("{{")));
      for (const std::string& item : required.at(std::string(name)).at(std::string(language)))
        EXPECT_THAT(letter.markdown, HasSubstr(item));
    }
  }
}

TEST(letters, fourteen_day_letter_shows_the_exact_costs_and_the_vat_a_creditor_cannot_deduct) {
  const scenario s = scenario_for("fourteen_day_letter", "nl");
  const rendered_letter letter = render(s, sender(false));
  EXPECT_THAT(letter.markdown, HasSubstr("**€ 150,00**")) << "BIK: 15 % of 1,000.00";
  EXPECT_THAT(letter.markdown, HasSubstr("21% btw bij: € 31,50"));
  EXPECT_THAT(letter.markdown, HasSubstr("**€ 181,50**"));
  EXPECT_THAT(letter.markdown, Not(HasSubstr("geen btw")));

  const rendered_letter deducting = render(s, sender(true));
  EXPECT_THAT(deducting.markdown, HasSubstr("geen btw"));
  EXPECT_THAT(deducting.markdown, Not(HasSubstr("€ 31,50")));

  const rendered_letter english = render(scenario_for("fourteen_day_letter", "en"), sender(false));
  EXPECT_THAT(english.markdown, HasSubstr("21% VAT is added to them: €31.50"));
  EXPECT_THAT(english.markdown, HasSubstr("**€181.50**"));
}

TEST(letters, fourteen_day_letter_names_the_laws_term_end_as_the_last_day) {
  const scenario s = scenario_for("fourteen_day_letter", "nl");
  const fourteen_day_letter term = dutch_fourteen_day_letter(today);
  ASSERT_EQ(term.term_ends, day("2025-06-18"));
  ASSERT_EQ(term.assumed_delivery, day("2025-06-04"));
  const std::string markdown = render(s).markdown;
  EXPECT_THAT(markdown, HasSubstr("De laatste dag om te betalen is dan **18 juni 2025**"));
  EXPECT_THAT(markdown, HasSubstr("op 4 juni 2025 bij u wordt bezorgd"));
  // The wording comes first, the date second: the date never replaces it.
  EXPECT_LT(markdown.find("binnen veertien dagen, te rekenen vanaf de dag nadat"),
            markdown.find("18 juni 2025"));
}

TEST(letters, fourteen_day_letter_shows_interest_as_the_statement_computes_it) {
  scenario s = scenario_for("fourteen_day_letter", "nl");
  s.c.apply({day("2025-04-07"), letter_sent{letter_kind::formal_notice, channel::post}});
  const statement st = statement_of(s.c, today, dutch_law());
  ASSERT_EQ(st.interest, eur("6.58")) << "6 % from 24 April (default after the notice)";
  const std::string markdown = render(s).markdown;
  EXPECT_THAT(markdown,
              HasSubstr("| INV-1 | 1 maart 2025 | 31 maart 2025 | € 1.000,00 | € 6,58 |"));
  EXPECT_THAT(markdown, HasSubstr("U betaalt nu in totaal **€ 1.006,58**"));
}

TEST(letters, fourteen_day_letter_is_refused_under_a_law_without_one) {
  const scenario s = scenario_for("fourteen_day_letter", "nl");
  const auto eu = make_jurisdiction("eu");
  try {
    (void)render_letter(templates(), s.c, s.d, s.letter, today, *eu, sender());
    FAIL() << "expected an error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_THAT(e.what(), HasSubstr("case C-1: cannot write the fourteen_day_letter"));
  }
}

TEST(letters, formal_notice_to_a_consumer_announces_default_and_the_fourteen_day_letter) {
  scenario s = scenario_for("formal_notice", "nl");
  s.c = one_invoice("nl", debtor_kind::consumer);
  const std::string markdown = render(s).markdown;
  EXPECT_THAT(markdown, HasSubstr("dan bent u vanaf de dag daarna in verzuim"));
  EXPECT_THAT(markdown, HasSubstr("artikel 6:119 Burgerlijk Wetboek"));
  EXPECT_THAT(markdown, HasSubstr("veertien dagen de tijd"));
  EXPECT_THAT(markdown, Not(HasSubstr("handelsrente"))) << "the business paragraph is left out";
  EXPECT_THAT(markdown, Not(HasSubstr("€ 150,00"))) << "no costs before the 14-day letter";
}

TEST(letters, letters_under_another_law_cite_no_dutch_articles) {
  const scenario s = scenario_for("formal_notice", "en");
  const auto eu = make_jurisdiction("eu");
  const std::string markdown =
      render_letter(templates(), s.c, s.d, s.letter, today, *eu, sender()).markdown;
  EXPECT_THAT(markdown, Not(HasSubstr("Dutch Civil Code")));
  EXPECT_THAT(markdown, HasSubstr("€40.00")) << "the directive's fixed compensation";
}

TEST(letters, reminder_level_two_and_a_held_amount_change_the_wording) {
  scenario s = scenario_for("reminder", "nl");
  s.c.apply({day("2025-05-20"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
  s.letter = reminder(2);
  const std::string markdown = render(s).markdown;
  EXPECT_THAT(markdown, HasSubstr("herinnering nummer 2"));
  EXPECT_THAT(markdown, Not(HasSubstr("Misschien is het u ontschoten")));
  EXPECT_THAT(markdown, HasSubstr("Een bedrag van € 400,00 is in behandeling"));
  EXPECT_THAT(markdown, HasSubstr("| INV-1 | 1 maart 2025 | 31 maart 2025 | € 600,00 |"))
      << "only the undisputed part is asked";
}

TEST(letters, escapes_markup_in_what_it_prints) {
  scenario s = scenario_for("reminder", "en");
  debtor_profile hostile = debtor_in("en", debtor_kind::consumer);
  hostile.name = "<script>alert(1)</script> & *Sons* | {{x}}";
  s.c.apply({day("2025-05-01"), debtor_updated{hostile}});
  const rendered_letter letter = render(s);
  EXPECT_THAT(letter.html, Not(HasSubstr("<script>")));
  EXPECT_THAT(letter.html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Sons* | {{x}}"))
      << "the name reads back as written, markup and all, but as text";
  EXPECT_THAT(letter.html, Not(HasSubstr("<em>Sons</em>")));
  EXPECT_THAT(letter.markdown, HasSubstr("\\<script\\>"));
  EXPECT_THAT(letter.markdown, Not(HasSubstr("{{")));
}

TEST(letters, html_has_the_tables_headings_and_emphasis_of_the_markdown) {
  const rendered_letter letter = render(scenario_for("fourteen_day_letter", "nl"));
  EXPECT_THAT(letter.html,
              HasSubstr("<title>Laatste herinnering voordat er incassokosten bijkomen</title>"));
  EXPECT_THAT(letter.html, HasSubstr("<h2>Uw termijn</h2>"));
  EXPECT_THAT(letter.html, HasSubstr("<th>Factuur</th>"));
  EXPECT_THAT(letter.html, HasSubstr("<tr><td>INV-1</td><td>1 maart 2025</td><td>31 maart 2025</td>"
                                     "<td style=\"text-align: right\">€ 1.000,00</td>"));
  EXPECT_THAT(letter.html,
              HasSubstr("<strong>binnen veertien dagen, te rekenen vanaf de dag nadat deze brief "
                        "bij u is bezorgd</strong>"));
  EXPECT_THAT(letter.html, HasSubstr("Hoofdstraat 1<br>\n3511 AA Utrecht"))
      << "a multi-line address keeps its lines";
}

TEST(letters, a_debtor_in_another_language_gets_english) {
  scenario s = scenario_for("reminder", "de");
  EXPECT_EQ(letter_language(s.c), "en");
  const rendered_letter letter = render(s);
  EXPECT_EQ(letter.language, "en");
  EXPECT_THAT(letter.markdown, HasSubstr("# Payment reminder"));
  s.c.apply({day("2025-05-01"), debtor_updated{debtor_in("NL", debtor_kind::consumer)}});
  EXPECT_EQ(letter_language(s.c), "nl");
}

TEST(letters, amounts_and_dates_follow_the_language) {
  scenario s = scenario_for("reminder", "nl");
  s.d.parameters.amount = eur("1234567.89");
  s.d.parameters.deadline = day("2025-12-01");
  EXPECT_THAT(render(s).markdown, HasSubstr("**€ 1.234.567,89** uiterlijk op **1 december 2025**"));
  s.c.apply({day("2025-05-01"), debtor_updated{debtor_in("en", debtor_kind::consumer)}});
  EXPECT_THAT(render(s).markdown, HasSubstr("**€1,234,567.89** by **1 December 2025**"));
}

TEST(letters, the_file_stem_is_safe_for_a_file_name) {
  scenario s = scenario_for("reminder", "nl");
  collection_case renamed("../C 1/x");
  for (const event& e : s.c.history()) renamed.apply(e);
  s.c = renamed;
  EXPECT_EQ(render(s).file_stem, "_._C_1_x-reminder-2025-06-02");
}

TEST(letters, refuses_a_letter_without_what_it_is_about) {
  const struct {
    const char* template_name;
    const char* why;
  } table[] = {
      {"arrangement_proposal", "the decision proposes no instalments"},
      {"arrangement_confirmation", "the case has no agreed arrangement"},
      {"dispute_acknowledgement", "no dispute is open"},
      {"position_explanation", "no claim has a complaint found invalid"},
      {"credit_note_notice", "no amount to credit"},
      {"goodwill_notice", "no amount to waive"},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(row.template_name);
    scenario s = scenario_for(row.template_name, "nl");
    s.c = one_invoice("nl", debtor_kind::consumer);
    s.d.parameters = {};
    const std::string failure = failure_of([&] { (void)render(s); });
    EXPECT_THAT(failure, HasSubstr("invalid_argument: case C-1: cannot write the " +
                                   std::string(row.template_name) + ": " + row.why));
  }
}

// --- loading ---------------------------------------------------------------------------

/// A copy of the shipped templates in a fresh directory, to break on purpose.
class template_copy {
 public:
  template_copy() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("arrears-letters-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(template_dir, dir_, std::filesystem::copy_options::recursive);
  }
  ~template_copy() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  template_copy(const template_copy&) = delete;
  template_copy& operator=(const template_copy&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }

 private:
  std::filesystem::path dir_;
};

std::string load_failure(const template_copy& copy) {
  return failure_of([&] { (void)letter_templates::load(copy.dir()); });
}

TEST(letter_templates, loads_the_shipped_templates) {
  const letter_templates& loaded = templates();
  for (const std::string_view language : letter_languages)
    for (const std::string_view name : letter_template_names)
      EXPECT_EQ(loaded.source(language, name),
                template_dir / std::string(language) / (std::string(name) + ".md"));
}

TEST(letter_templates, an_unknown_placeholder_names_the_file_and_line) {
  const template_copy copy;
  copy.write("nl/reminder.md",
             "# Herinnering\n\nBeste {{debtor_name}},\n\nBeste {{debtor_nam}},\n");
  const std::string failure = load_failure(copy);
  EXPECT_THAT(failure,
              HasSubstr("unknown_field: " + (copy.dir() / "nl/reminder.md").string() +
                        ":5: unknown placeholder '{{debtor_nam}}' in template 'reminder'"));
  EXPECT_THAT(failure, HasSubstr("did you mean 'debtor_name'?"));
}

TEST(letter_templates, a_placeholder_of_another_letter_is_unknown_here) {
  const template_copy copy;
  copy.write("en/reminder.md", "# Reminder\n\n{{instalment_rows}}\n");
  EXPECT_THAT(load_failure(copy),
              HasSubstr((copy.dir() / "en/reminder.md").string() +
                        ":3: unknown placeholder '{{instalment_rows}}' in template 'reminder'"));
}

TEST(letter_templates, an_unknown_placeholder_in_a_partial_names_the_partial) {
  const template_copy copy;
  copy.write("en/_footer.md", "---\n\n{{sender_nmae}}\n");
  EXPECT_THAT(load_failure(copy), HasSubstr((copy.dir() / "en/_footer.md").string() +
                                            ":3: unknown placeholder '{{sender_nmae}}'"));
}

TEST(letter_templates, refuses_malformed_tags) {
  const struct {
    const char* text;
    const char* message;
  } table[] = {
      {"# A\n\n{{#consumer}}\ntext\n", "nl/reminder.md:3: '{{#consumer}}' is never closed"},
      {"# A\n{{/consumer}}\n", "nl/reminder.md:2: '{{/consumer}}' closes no section"},
      {"# A\n{{#consumer}}{{#held}}{{/consumer}}{{/held}}\n",
       "nl/reminder.md:2: '{{/consumer}}' closes 'held', opened on line 2"},
      {"# A\nBeste {{debtor_name},\n", "nl/reminder.md:2: '{{' without '}}' on the same line"},
      {"# A\n{{Debtor Name}}\n", "nl/reminder.md:2: '{{Debtor Name}}' is not a placeholder"},
      {"# A\n| {{invoice_rows}} |\n", "nl/reminder.md:2: '{{invoice_rows}}' must stand alone"},
      {"# A\nSee {{>footer}}\n", "nl/reminder.md:2: '{{>footer}}' must stand alone"},
      {"# A\n{{consumer}}\n", "nl/reminder.md:2: 'consumer' is a section, not a value"},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(row.text);
    const template_copy copy;
    copy.write("nl/reminder.md", row.text);
    EXPECT_THAT(load_failure(copy), HasSubstr(row.message));
  }
}

TEST(letter_templates, a_missing_template_is_an_io_error_naming_it) {
  const template_copy copy;
  std::filesystem::remove(copy.dir() / "en/goodwill_notice.md");
  EXPECT_THAT(load_failure(copy), HasSubstr("io_error: cannot open '" +
                                            (copy.dir() / "en/goodwill_notice.md").string()));
}

TEST(letter_templates, docs_list_every_placeholder_of_every_template) {
  std::ifstream in(ARREARS_SOURCE_DIR "/docs/letters.md");
  ASSERT_TRUE(in) << "docs/letters.md";
  std::stringstream text;
  text << in.rdbuf();
  const std::string docs = text.str();
  for (const std::string_view name : letter_template_names) {
    EXPECT_THAT(docs, HasSubstr("`" + std::string(name) + "`"));
    for (const placeholder& p : letter_placeholders(name))
      EXPECT_THAT(docs, HasSubstr("`" + std::string(p.name) + "`")) << "placeholder of " << name;
  }
}

// --- the sender ------------------------------------------------------------------------

TEST(letter_sender, reads_every_field_from_yaml) {
  const template_copy copy;
  copy.write("sender.yaml",
             "name: Fietsenmakerij Zonnig B.V.\n"
             "postal_address: |\n  Hoofdstraat 1\n  3511 AA Utrecht\n"
             "email: debiteuren@zonnig.example\nphone: 030 123 45 67\n"
             "iban: NL91 ABNA 0417 1643 00\nvat_number: NL001234567B01\n"
             "chamber_of_commerce: '12345678'\ncity: Utrecht\ncan_deduct_vat: false\n");
  const letter_sender read = read_letter_sender_file(copy.dir() / "sender.yaml");
  letter_sender want = sender(false);
  want.postal_address += "\n";  // a YAML literal block keeps its final newline
  EXPECT_EQ(read, want);
}

TEST(letter_sender, can_deduct_vat_defaults_to_true) {
  const template_copy copy;
  copy.write("sender.yaml", "name: Zonnig\n");
  EXPECT_TRUE(read_letter_sender_file(copy.dir() / "sender.yaml").can_deduct_vat);
}

TEST(letter_sender, refuses_bad_files_with_file_and_line) {
  const struct {
    const char* text;
    const char* message;
  } table[] = {
      {"name: Zonnig\nibna: NL91\n",
       "unknown_field: SENDER:2: unknown key 'ibna'; did you mean 'iban'?"},
      {"name: Zonnig\nfax: 1\n", "SENDER:2: unknown key 'fax'; expected one of name, "},
      {"city: Utrecht\n", "missing_field: SENDER: the sender needs a 'name'"},
      {"name: Zonnig\ncan_deduct_vat: maybe\n",
       "invalid_value: SENDER:2: 'can_deduct_vat' must be true or false, found 'maybe'"},
      {"name: [a, b]\n", "invalid_value: SENDER:1: 'name' must be text, found a list"},
      {"name: Zonnig\nname: Other\n", "parse_error: SENDER:2: duplicate key 'name'"},
      {"- a\n- b\n", "parse_error: SENDER: expected a mapping"},
      {"name: [unclosed\n", "parse_error: SENDER:"},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(row.text);
    const template_copy copy;
    copy.write("sender.yaml", row.text);
    const std::string path = (copy.dir() / "sender.yaml").string();
    std::string message = row.message;
    message.replace(message.find("SENDER"), 6, path);
    EXPECT_THAT(failure_of([&] { (void)read_letter_sender_file(copy.dir() / "sender.yaml"); }),
                HasSubstr(message));
  }
  EXPECT_EQ(error_code_of([] { (void)read_letter_sender_file("/no/such/sender.yaml"); }),
            errc::io_error);
}

}  // namespace
}  // namespace arrears
