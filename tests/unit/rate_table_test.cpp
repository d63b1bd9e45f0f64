// Rate tables: the CSV form and its errors, look-ups, overrides, and the tables arrears ships
// (data/rates/), checked row by row against the statutory formulas that produce them.

#include <arrears/core/error.hpp>
#include <arrears/io/rate_file.hpp>
#include <arrears/law/rate_table.hpp>
#include <arrears/law/rate_tables.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/error_code_of.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace arrears {
namespace {

using testing::error_code_of;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string rates_dir = ARREARS_SOURCE_DIR "/data/rates/";

date day(const char* text) { return parse_date(text); }
rate percent(const char* text) { return rate::parse(text); }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* const sample_csv =
    "# table: sample\n"
    "# a comment, with commas\n"
    "\n"
    "# covered_until: 2025-06-30\n"
    "effective_from,rate,verified,source\n"
    "2024-01-01,12.50,true,Stb. 2023, 484: https://example.org/a\n"
    "2024-07-01,-0.88,false,DERIVED\r\n"
    "2025-01-01,11.15,true,x\n";

/// The error a CSV text raises, as "errc_name: message".
std::string parse_failure(const std::string& csv, const std::string& name = "sample") {
  try {
    (void)rate_table::parse_csv(name, csv, "sample.csv");
  } catch (const error& e) {
    return std::string(error_name(e.code())) + ": " + e.what();
  }
  return "no error";
}

const std::string good_head =
    "# covered_until: 2025-06-30\n"
    "effective_from,rate,verified,source\n";

// --- the CSV form --------------------------------------------------------------------------

TEST(rate_table, parses_rows_coverage_and_sources) {
  const rate_table table = rate_table::parse_csv("sample", sample_csv, "sample.csv");
  EXPECT_EQ(table.name(), "sample");
  EXPECT_EQ(table.covered_until(), day("2025-06-30"));
  ASSERT_EQ(table.rows().size(), 3u);
  EXPECT_EQ(table.rows()[0], (rate_entry{day("2024-01-01"), percent("12.50"),
                                         "Stb. 2023, 484: https://example.org/a", true}));
  EXPECT_EQ(table.rows()[1], (rate_entry{day("2024-07-01"), percent("-0.88"), "DERIVED", false}));
}

TEST(rate_table, takes_its_name_from_the_table_line_when_none_is_given) {
  EXPECT_EQ(rate_table::parse_csv({}, sample_csv, "sample.csv").name(), "sample");
  EXPECT_EQ(parse_failure(good_head + "2024-01-01,1,true,x\n", ""),
            "parse_error: sample.csv: no table name; add a line '# table: NAME' (e.g. "
            "nl-commercial)");
  EXPECT_EQ(parse_failure(sample_csv, "other"),
            "parse_error: sample.csv:1: the file names table 'sample' but is read as 'other'");
}

TEST(rate_table, parse_errors_name_file_and_line) {
  EXPECT_EQ(parse_failure("# covered_until: 2025-06-30\neffective_from,rate\n"),
            "parse_error: sample.csv:2: expected the header 'effective_from,rate,verified,source', "
            "got 'effective_from,rate'");
  EXPECT_EQ(parse_failure(good_head + "2024-01-01,1,true,x\n2024-02-30,1,true,x\n"),
            "invalid_date: sample.csv:4: effective_from: invalid date '2024-02-30': expected "
            "YYYY-MM-DD, a real calendar date");
  EXPECT_THAT(parse_failure(good_head + "2024-01-01,12.5%,true,x\n"),
              StartsWith("invalid_rate: sample.csv:3: rate: invalid rate '12.5%'"));
  EXPECT_EQ(parse_failure(good_head + "2024-01-01,1,yes,x\n"),
            "parse_error: sample.csv:3: verified: expected 'true' or 'false', got 'yes'");
  EXPECT_EQ(parse_failure(good_head + "2024-01-01,1,true,\n"),
            "parse_error: sample.csv:3: source: empty; every row names where its figure comes "
            "from");
  EXPECT_THAT(parse_failure(good_head + "2024-01-01,1\n"),
              StartsWith("parse_error: sample.csv:3: expected 4 fields"));
  EXPECT_EQ(parse_failure(good_head + "# covered_until: 2026-01-01\n"),
            "parse_error: sample.csv:3: a second '# covered_until:' line; a table has exactly one");
  EXPECT_EQ(parse_failure("# covered_until: 2025-13-01\n"),
            "invalid_date: sample.csv:1: covered_until: invalid date '2025-13-01': expected "
            "YYYY-MM-DD, a real calendar date");
  EXPECT_EQ(parse_failure(good_head + "2024-07-01,1,true,x\n2024-01-01,1,true,x\n"),
            "invalid_value: sample.csv:4: effective_from 2024-01-01 is earlier than the row "
            "before (2024-07-01); rows must be in strictly increasing date order");
  EXPECT_THAT(parse_failure(good_head + "2024-07-01,1,true,x\n2024-07-01,2,true,x\n"),
              StartsWith("invalid_value: sample.csv:4: effective_from 2024-07-01 repeats"));
  EXPECT_EQ(parse_failure(good_head + "2025-07-01,1,true,x\n"),
            "invalid_value: sample.csv:3: covered_until (2025-06-30) is before this row "
            "(2025-07-01)");
}

TEST(rate_table, parse_errors_for_missing_parts_name_the_file) {
  EXPECT_EQ(parse_failure("effective_from,rate,verified,source\n2024-01-01,1,true,x\n"),
            "parse_error: sample.csv: no '# covered_until: YYYY-MM-DD' line (the last day the "
            "table is known for)");
  EXPECT_EQ(parse_failure(good_head), "parse_error: sample.csv: no rows");
  EXPECT_EQ(parse_failure("# covered_until: 2025-06-30\n"),
            "parse_error: sample.csv: no header line 'effective_from,rate,verified,source'");
}

TEST(rate_table, constructor_refuses_rows_out_of_order_and_short_coverage) {
  const rate_entry a{day("2024-01-01"), percent("1"), "a", true};
  const rate_entry b{day("2024-07-01"), percent("2"), "b", true};
  EXPECT_EQ(error_code_of([&] {
              rate_table("t", {b, a}, day("2025-01-01"));
            }),
            errc::invalid_value);
  EXPECT_EQ(error_code_of([&] {
              rate_table("t", {a, a}, day("2025-01-01"));
            }),
            errc::invalid_value);
  EXPECT_EQ(error_code_of([&] {
              rate_table("t", {a, b}, day("2024-06-30"));
            }),
            errc::invalid_value);
  EXPECT_EQ(error_code_of([&] { rate_table("t", {}, day("2024-06-30")); }), errc::invalid_value);
  EXPECT_EQ(error_code_of([&] { rate_table("t", {a, b}, day("2024-07-01")); }), errc::ok);
}

// --- look-ups --------------------------------------------------------------------------------

TEST(rate_table, in_force_on_finds_the_last_row_not_after_the_day) {
  const rate_table table = rate_table::parse_csv("sample", sample_csv, "sample.csv");
  EXPECT_EQ(table.in_force_on(day("2024-01-01")).annual, percent("12.50"));
  EXPECT_EQ(table.in_force_on(day("2024-06-30")).annual, percent("12.50"));
  EXPECT_EQ(table.in_force_on(day("2024-07-01")).annual, percent("-0.88"));
  EXPECT_EQ(table.in_force_on(day("2025-06-30")).annual, percent("11.15"));
}

TEST(rate_table, days_outside_the_table_are_out_of_range_naming_table_and_range) {
  const rate_table table = rate_table::parse_csv("sample", sample_csv, "sample.csv");
  for (const char* outside : {"2023-12-31", "2025-07-01"}) {
    try {
      (void)table.in_force_on(day(outside));
      FAIL() << "expected arrears::error for " << outside;
    } catch (const error& e) {
      EXPECT_EQ(e.code(), errc::date_out_of_range);
      EXPECT_EQ(std::string(e.what()),
                "rate table 'sample' covers 2024-01-01 to 2025-06-30; "
                "no rate known for " +
                    std::string(outside));
    }
  }
}

TEST(rate_table, changes_within_lists_row_dates_after_from_up_to_to) {
  const rate_table table = rate_table::parse_csv("sample", sample_csv, "sample.csv");
  EXPECT_EQ(table.changes_within(day("2024-01-01"), day("2025-01-01")),
            (std::vector<date>{day("2024-07-01"), day("2025-01-01")}));
  EXPECT_EQ(table.changes_within(day("2024-07-01"), day("2024-12-31")), std::vector<date>{});
}

// --- overrides -------------------------------------------------------------------------------

TEST(rate_table, override_replaces_same_dates_adds_new_ones_and_extends_coverage) {
  const rate_table base = rate_table::parse_csv("sample", sample_csv, "sample.csv");
  const rate_table overrides("sample",
                             {{day("2024-07-01"), percent("5"), "mine", true},
                              {day("2025-07-01"), percent("6"), "mine too", false}},
                             day("2025-12-31"));
  const rate_table merged = base.overridden_by(overrides);
  EXPECT_EQ(merged.name(), "sample");
  EXPECT_EQ(merged.covered_until(), day("2025-12-31"));
  ASSERT_EQ(merged.rows().size(), 4u);
  EXPECT_EQ(merged.rows()[0].annual, percent("12.50"));
  EXPECT_EQ(merged.rows()[1].annual, percent("5"));
  EXPECT_EQ(merged.rows()[1].source, "mine");
  EXPECT_EQ(merged.rows()[2].annual, percent("11.15"));
  EXPECT_EQ(merged.rows()[3].annual, percent("6"));
  // An override that ends earlier keeps the longer coverage.
  const rate_table older("sample", {{day("2024-01-01"), percent("1"), "x", true}},
                         day("2024-03-31"));
  EXPECT_EQ(base.overridden_by(older).covered_until(), day("2025-06-30"));
}

TEST(rate_tables, get_add_and_override_by_name) {
  rate_tables tables;
  tables.add(rate_table::parse_csv("sample", sample_csv, "sample.csv"));
  EXPECT_TRUE(tables.contains("sample"));
  EXPECT_FALSE(tables.contains("other"));
  tables.override_with(
      rate_table("sample", {{day("2025-07-01"), percent("1"), "x", true}}, day("2025-12-31")));
  EXPECT_EQ(tables.get("sample").rows().size(), 4u);
  tables.override_with(
      rate_table("other", {{day("2025-07-01"), percent("1"), "x", true}}, day("2025-12-31")));
  EXPECT_TRUE(tables.contains("other"));
  tables.add(
      rate_table("sample", {{day("2020-01-01"), percent("2"), "y", true}}, day("2020-12-31")));
  EXPECT_EQ(tables.get("sample").rows().size(), 1u) << "add replaces";
  try {
    (void)tables.get("nl-comercial");
    FAIL() << "expected arrears::error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_EQ(std::string(e.what()), "no rate table 'nl-comercial'; known: other, sample");
  }
}

// --- rate files ------------------------------------------------------------------------------

TEST(rate_file, reads_a_shipped_table) {
  const rate_table table = read_rate_file(rates_dir + "nl-commercial.csv");
  EXPECT_EQ(table.name(), "nl-commercial");
  EXPECT_EQ(table.rows(), rate_tables::builtin().get("nl-commercial").rows());
}

TEST(rate_file, unreadable_file_is_an_io_error_naming_it) {
  try {
    (void)read_rate_file(rates_dir + "no-such-table.csv");
    FAIL() << "expected arrears::error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::io_error);
    EXPECT_THAT(e.what(), HasSubstr("no-such-table.csv"));
  }
  EXPECT_EQ(error_code_of([] { (void)read_rate_file(rates_dir); }), errc::io_error);
}

TEST(rate_file, parse_errors_are_located_by_path_and_line) {
  const auto path = std::filesystem::temp_directory_path() / "arrears_rate_file_test.csv";
  {
    std::ofstream out(path);
    out << "# table: nl-commercial\n# covered_until: 2026-12-31\n"
           "effective_from,rate,verified,source\n2026-07-01,10.4O,false,typo\n";
  }
  try {
    (void)read_rate_file(path);
    FAIL() << "expected arrears::error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_rate);
    EXPECT_THAT(e.what(), StartsWith(path.string() + ":4: rate: invalid rate '10.4O'"));
  }
  std::filesystem::remove(path);
}

// --- the shipped tables ----------------------------------------------------------------------

const std::set<std::string> shipped_names = {"nl-consumer",  "nl-commercial", "de-base",
                                             "uk-bank-rate", "be-commercial", "ecb-mro"};

TEST(shipped_rate_tables, every_file_loads_and_is_built_in_unchanged) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(rates_dir)) {
    if (entry.path().extension() != ".csv") continue;
    const std::string name = entry.path().stem().string();
    files.insert(name);
    SCOPED_TRACE(name);
    const std::string text = read_text(entry.path().string());
    const rate_table from_file = rate_table::parse_csv(name, text, entry.path().string());
    ASSERT_TRUE(rate_tables::builtin().contains(name)) << "re-run cmake to embed it";
    const rate_table& built_in = rate_tables::builtin().get(name);
    EXPECT_EQ(built_in.rows(), from_file.rows()) << "the build embeds a stale copy";
    EXPECT_EQ(built_in.covered_until(), from_file.covered_until());
    // Exactly one covered_until line (parse_csv refuses a second and needs one), and one
    // table line naming the file, so the file works as a --rates override as it is.
    std::size_t covered_lines = 0, table_lines = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      covered_lines += line.rfind("# covered_until:", 0) == 0;
      table_lines += line.rfind("# table: " + name, 0) == 0;
    }
    EXPECT_EQ(covered_lines, 1u);
    EXPECT_EQ(table_lines, 1u);
    for (const auto& row : built_in.rows()) EXPECT_FALSE(row.source.empty());
  }
  EXPECT_EQ(files, shipped_names);
  EXPECT_EQ(rate_tables::builtin().all().size(), shipped_names.size());
}

TEST(shipped_rate_tables, coverage_ends_with_the_last_known_half_year) {
  const auto& tables = rate_tables::builtin();
  for (const char* name : {"nl-consumer", "nl-commercial", "de-base", "be-commercial"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(tables.get(name).covered_until(), day("2026-06-30"));
    // 2026-07-01 is UNVERIFIED everywhere: not shipped.
    EXPECT_LT(tables.get(name).rows().back().effective_from, day("2026-07-01"));
  }
  EXPECT_EQ(tables.get("uk-bank-rate").covered_until(), day("2025-12-31"));
  EXPECT_EQ(tables.get("ecb-mro").covered_until(), day("2026-01-01"));
}

/// Every 1 January and 1 July from `from` through `until` has a row.
void expect_every_half_year(const rate_table& table, date from, date until) {
  std::set<date> row_dates;
  for (const auto& row : table.rows()) row_dates.insert(row.effective_from);
  for (date half = from; half <= until;
       half = half.month() == 1 ? date(half.year(), 7, 1)
                                : date(static_cast<unsigned short>(half.year() + 1), 1, 1))
    EXPECT_TRUE(row_dates.count(half)) << table.name() << " has no row for " << to_iso(half);
}

TEST(shipped_rate_tables, half_year_tables_have_no_gap) {
  const auto& tables = rate_tables::builtin();
  expect_every_half_year(tables.get("nl-commercial"), day("2011-07-01"), day("2026-01-01"));
  expect_every_half_year(tables.get("de-base"), day("2012-01-01"), day("2026-01-01"));
  expect_every_half_year(tables.get("be-commercial"), day("2013-07-01"), day("2026-01-01"));
  // Only the Dutch 2013 margin change and the Belgian start fall between half-years.
  for (const auto& [name, table] : tables.all()) {
    if (name == "ecb-mro" || name == "uk-bank-rate" || name == "nl-consumer") continue;
    for (const auto& row : table.rows()) {
      const auto ymd = row.effective_from.year_month_day();
      if (ymd.day == 1 && (ymd.month == 1 || ymd.month == 7)) continue;
      EXPECT_EQ(to_iso(row.effective_from), "2013-03-16") << name;
    }
  }
}

TEST(shipped_rate_tables, dutch_handelsrente_switches_margin_on_16_march_2013) {
  const rate_table& table = rate_tables::builtin().get("nl-commercial");
  EXPECT_EQ(table.in_force_on(day("2013-03-15")).annual, percent("7.75"));
  EXPECT_EQ(table.in_force_on(day("2013-03-16")).annual, percent("8.75"));
  EXPECT_EQ(table.in_force_on(day("2013-03-16")).effective_from, day("2013-03-16"));
  EXPECT_EQ(table.in_force_on(day("2013-07-01")).annual, percent("8.50"));
}

TEST(shipped_rate_tables, german_base_rate_is_minus_0_88_from_mid_2016_through_2022) {
  const rate_table& table = rate_tables::builtin().get("de-base");
  EXPECT_EQ(table.in_force_on(day("2016-06-30")).annual, percent("-0.83"));
  for (date on = day("2016-07-01"); on <= day("2022-12-31"); on += days(1))
    ASSERT_EQ(table.in_force_on(on).annual, percent("-0.88")) << to_iso(on);
  EXPECT_EQ(table.in_force_on(day("2018-07-01")).effective_from, day("2018-07-01"))
      << "the half-year hledger-interest lacks";
  EXPECT_EQ(table.in_force_on(day("2023-01-01")).annual, percent("1.62"));
}

/// The ECB main refinancing rate of the most recent operation before `half_year` (in force
/// the day before).
rate mro_before(date half_year) {
  return rate_tables::builtin().get("ecb-mro").in_force_on(half_year - days(1)).annual;
}

TEST(shipped_rate_tables, dutch_handelsrente_follows_art_6_120_lid_2) {
  // ECB MRO of the most recent operation before the half-year + 8 (+ 7 before 16 March 2013).
  for (const auto& row : rate_tables::builtin().get("nl-commercial").rows()) {
    SCOPED_TRACE(to_iso(row.effective_from));
    const date reference =
        row.effective_from == day("2013-03-16") ? day("2013-01-01") : row.effective_from;
    const rate margin = rate::from_percent(row.effective_from < day("2013-03-16") ? 7 : 8);
    EXPECT_EQ(row.annual, mro_before(reference) + margin);
  }
}

TEST(shipped_rate_tables, german_base_rate_follows_section_247) {
  // Moves by as many points as the reference rate moved since the previous half-year.
  const auto& rows = rate_tables::builtin().get("de-base").rows();
  for (std::size_t i = 1; i < rows.size(); ++i) {
    SCOPED_TRACE(to_iso(rows[i].effective_from));
    EXPECT_EQ(rows[i].annual - rows[i - 1].annual,
              mro_before(rows[i].effective_from) - mro_before(rows[i - 1].effective_from));
  }
}

TEST(shipped_rate_tables, dutch_statutory_rate_follows_the_peildatum_formula) {
  // MRO on 31 October (for 1 January) or 30 April (for 1 July) + 2.25, rounded to whole
  // percent with halves up. The ECB table starts 2011-04-13, so older rows are not checked;
  // 2025-07-01 is the one documented conflict (6 % shipped, formula 5 %).
  const rate_table& mro = rate_tables::builtin().get("ecb-mro");
  for (const auto& row : rate_tables::builtin().get("nl-consumer").rows()) {
    const auto ymd = row.effective_from.year_month_day();
    const date peildatum = ymd.month == 1 ? date(static_cast<unsigned short>(ymd.year - 1), 10, 31)
                                          : date(ymd.year, 4, 30);
    if (peildatum < mro.rows().front().effective_from) continue;
    SCOPED_TRACE(to_iso(row.effective_from));
    const std::int64_t formula_ppm = mro.in_force_on(peildatum).annual.ppm() + 22'500;
    const std::int64_t whole_percent = (formula_ppm + 5'000) / 10'000;  // halves up
    if (row.effective_from == day("2025-07-01")) {
      EXPECT_EQ(whole_percent, 5);
      EXPECT_EQ(row.annual, rate::from_percent(6));
      EXPECT_FALSE(row.verified);
      continue;
    }
    EXPECT_EQ(row.annual, rate::from_percent(whole_percent));
  }
}

TEST(shipped_rate_tables, belgian_rate_is_ecb_plus_8_rounded_up_to_half_points) {
  const rate_table& mro = rate_tables::builtin().get("ecb-mro");
  for (const auto& row : rate_tables::builtin().get("be-commercial").rows()) {
    SCOPED_TRACE(to_iso(row.effective_from));
    const std::int64_t ppm = mro.in_force_on(row.effective_from).annual.ppm() + 80'000;
    const std::int64_t rounded_up = (ppm + 4'999) / 5'000 * 5'000;
    EXPECT_EQ(row.annual.ppm(), rounded_up);
  }
}

TEST(shipped_rate_tables, every_unverified_row_is_listed_in_the_docs) {
  const std::string docs = read_text(ARREARS_SOURCE_DIR "/docs/law.md");
  for (const auto& [name, table] : rate_tables::builtin().all()) {
    for (const auto& row : table.rows()) {
      if (row.verified) continue;
      EXPECT_THAT(docs, HasSubstr("| " + name + " | " + to_iso(row.effective_from) + " |"))
          << "docs/law.md must list the unverified row";
    }
  }
}

}  // namespace
}  // namespace arrears
