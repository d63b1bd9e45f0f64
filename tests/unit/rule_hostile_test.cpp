// Hostile policy files are refused with an error, never a crash, a hang or a stack overflow:
// deep nesting in expressions and in YAML, huge expressions and files, many rules, random
// bytes and thousands of mutated policies.

#include <arrears/core/error.hpp>
#include <arrears/policy/rule_table.hpp>

#include "support/error_code_of.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace arrears {
namespace {

std::string with_when(const std::string& when) {
  return "rules:\n  - id: hostile\n    when: '" + when + "'\n    then: hold\n";
}

/// The first error's message, or "" when the text is clean.
std::string first_error(const std::string& text) {
  for (const policy_diagnostic& d : check_rule_table(text, "hostile.yaml"))
    if (d.is_error()) return d.to_string();
  return "";
}

TEST(rule_hostile, deep_parentheses_are_refused_with_a_depth_error) {
  for (const int depth : {65, 1000, 100'000}) {
    const std::string when = std::string(depth, '(') + "true" + std::string(depth, ')');
    const std::string error = first_error(with_when(when));
    EXPECT_NE(error.find(depth > 8192 / 2 ? "characters long" : "nested too deeply"),
              std::string::npos)
        << depth << ": " << error;
  }
  // Within the limit, nesting works.
  const std::string fine = std::string(30, '(') + "true" + std::string(30, ')');
  EXPECT_EQ(first_error(with_when(fine)), "");
}

TEST(rule_hostile, deep_unary_operators_and_calls_are_refused) {
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  EXPECT_NE(first_error(with_when(nots + "true")).find("nested too deeply"), std::string::npos);
  std::string minus(3000, '-');
  EXPECT_NE(first_error(with_when(minus + "1 > 0")).find("nested too deeply"), std::string::npos);
  std::string calls;
  for (int i = 0; i < 1000; ++i) calls += "abs(";
  calls += "1" + std::string(1000, ')') + " > 0";
  EXPECT_NE(first_error(with_when(calls)).find("nested too deeply"), std::string::npos);
}

TEST(rule_hostile, long_operator_chains_are_refused_without_recursing) {
  std::string sum = "1";
  for (int i = 0; i < 2000; ++i) sum += "+1";
  EXPECT_NE(first_error(with_when(sum + " > 0")).find("nested too deeply"), std::string::npos);
  // `and` chains are flat: a long one is fine.
  std::string conjunction = "true";
  for (int i = 0; i < 300; ++i) conjunction += " and days_overdue > " + std::to_string(i);
  EXPECT_EQ(first_error(with_when(conjunction)), "");
}

TEST(rule_hostile, a_100k_character_expression_is_refused_by_length) {
  std::string when = "days_overdue > 0";
  while (when.size() < 100'000) when += " or days_overdue > 1";
  const std::string error = first_error(with_when(when));
  EXPECT_NE(error.find("characters long; the limit is 8192"), std::string::npos) << error;
}

TEST(rule_hostile, deep_yaml_nesting_is_refused_before_yaml_cpp_recurses) {
  const std::string flow_sequences(100'000, '[');
  EXPECT_NE(first_error("rules: " + flow_sequences).find("nested too deeply"), std::string::npos);
  std::string flow_mappings;
  for (int i = 0; i < 50'000; ++i) flow_mappings += "{a: ";
  EXPECT_NE(first_error("rules: " + flow_mappings).find("nested too deeply"), std::string::npos);
  std::string compact_sequences = "rules:\n";
  for (int i = 0; i < 50'000; ++i) compact_sequences += "- ";
  compact_sequences += "x\n";
  EXPECT_NE(first_error(compact_sequences).find("nested too deeply"), std::string::npos);
  std::string block_mappings;
  for (int i = 0; i < 1'000; ++i) block_mappings += std::string(i, ' ') + "k:\n";
  EXPECT_NE(first_error(block_mappings).find("nested too deeply"), std::string::npos);
  // Deep nesting inside a quoted scalar is just text.
  EXPECT_EQ(first_error("default: none\nrules: []\nname: '" + std::string(1000, '[') + "'\n")
                .find("nested"),
            std::string::npos);
}

TEST(rule_hostile, alias_bombs_are_not_expanded) {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 30; ++i)
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
  bomb += "rules: *a29\n";
  const std::vector<policy_diagnostic> diagnostics = check_rule_table(bomb, "bomb.yaml");
  EXPECT_FALSE(diagnostics.empty());
}

TEST(rule_hostile, files_over_4_mib_are_refused) {
  const std::string huge = "rules: []\n# " + std::string(4u << 20, 'x') + "\n";
  EXPECT_NE(first_error(huge).find("the limit is 4 MiB"), std::string::npos);
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / "arrears_rule_hostile_huge.yaml";
  {
    std::ofstream out(file, std::ios::binary);
    out << huge;
  }
  try {
    (void)rule_table::load(file);
    ADD_FAILURE() << "loaded a huge file";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::io_error);
    EXPECT_NE(std::string(e.what()).find("the limit is 4 MiB"), std::string::npos);
  }
  std::filesystem::remove(file);
}

TEST(rule_hostile, more_than_10000_rules_are_refused) {
  std::string text = "default: none\nrules:\n";
  for (int i = 0; i < 10'001; ++i)
    text += "- {id: r" + std::to_string(i) + ", when: false, then: hold}\n";
  EXPECT_NE(first_error(text).find("more than 10000 rules"), std::string::npos);
}

TEST(rule_hostile, ten_thousand_rules_load_and_decide) {
  std::string text = "default: none\nrules:\n";
  for (int i = 0; i < 10'000; ++i)
    text += "- {id: r" + std::to_string(i) + ", when: days_overdue == " + std::to_string(i) +
            ", then: remind}\n";
  const rule_table table = rule_table::parse(text);
  facts f;
  f.days_overdue = 9'999;
  EXPECT_EQ(table.decide(f).reasons[0].rule, "r9999");
}

/// Runs the whole pipeline on `text`: check, and when it is clean, load and decide on a few
/// facts. Only arrears::error may come out, and only with the policy codes; a text loads
/// exactly when checking finds no error.
void survive(const std::string& text) {
  const std::vector<policy_diagnostic> diagnostics = check_rule_table(text, "fuzz.yaml");
  const bool clean = std::none_of(diagnostics.begin(), diagnostics.end(),
                                  [](const policy_diagnostic& d) { return d.is_error(); });
  if (!clean) return;
  const rule_table table = rule_table::parse(text, "fuzz.yaml");
  facts f;
  f.case_id = "F-1";
  f.today = date(2025, 1, 1);
  f.currency = currency::from_code("EUR");
  for (int days : {0, 1, 15, 40, 400}) {
    f.days_overdue = days;
    f.reminders_sent = days % 4;
    f.open_amount = money(days * 1234, f.currency);
    f.dunnable_amount = f.open_amount;
    try {
      (void)table.decide(f);
    } catch (const error& e) {
      ASSERT_EQ(e.code(), errc::policy_evaluation) << e.what();
    }
  }
}

TEST(rule_hostile, random_bytes_never_crash) {
  std::mt19937 random(4242);
  for (int i = 0; i < 2000; ++i) {
    std::string text(std::uniform_int_distribution<int>(0, 300)(random), '\0');
    for (char& c : text) c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
    ASSERT_NO_FATAL_FAILURE(survive(text)) << i;
  }
}

TEST(rule_hostile, thousands_of_mutated_policies_never_crash) {
  std::vector<std::string> seeds;
  for (const char* dir : {"policies/good", "policies/bad"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(ARREARS_TEST_DATA_DIR) / dir)) {
      if (entry.path().extension() == ".expected") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      seeds.push_back(text.str());
    }
  }
  ASSERT_GE(seeds.size(), 10u);
  static constexpr std::string_view fragments[] = {"(",
                                                   ")",
                                                   "[",
                                                   "]",
                                                   "{",
                                                   "}",
                                                   ",",
                                                   ":",
                                                   "\"",
                                                   "'",
                                                   "\\",
                                                   "\n",
                                                   "  ",
                                                   "- ",
                                                   "#",
                                                   "&a ",
                                                   "*a",
                                                   "!!str ",
                                                   "|",
                                                   ">",
                                                   " and ",
                                                   " or ",
                                                   "not ",
                                                   " in ",
                                                   "==",
                                                   "<=",
                                                   "/",
                                                   "*",
                                                   "-",
                                                   "0",
                                                   "9223372036854775807",
                                                   "0.000001",
                                                   " EUR",
                                                   " USD",
                                                   "days_overdue",
                                                   "open_amount",
                                                   "reason",
                                                   "\"forgot\"",
                                                   "min(",
                                                   "abs(",
                                                   "true",
                                                   "\t",
                                                   "\xC3\xA9",
                                                   "\xFF",
                                                   std::string_view("\0", 1)};
  std::mt19937 random(777);
  for (int i = 0; i < 3000; ++i) {
    std::string text = seeds[static_cast<std::size_t>(i) % seeds.size()];
    const int edits = std::uniform_int_distribution<int>(1, 6)(random);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
      switch (std::uniform_int_distribution<int>(0, 4)(random)) {
        case 0:  // flip a byte
          text[at] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
          break;
        case 1:  // delete a run
          text.erase(at, std::uniform_int_distribution<std::size_t>(1, 20)(random));
          break;
        case 2:  // insert a fragment of the language or of YAML
          text.insert(at, fragments[std::uniform_int_distribution<std::size_t>(
                              0, std::size(fragments) - 1)(random)]);
          break;
        case 3: {  // duplicate a chunk
          const std::string chunk =
              text.substr(at, std::uniform_int_distribution<std::size_t>(1, 80)(random));
          text.insert(std::uniform_int_distribution<std::size_t>(0, text.size())(random), chunk);
          break;
        }
        default:  // swap two bytes
          std::swap(text[at],
                    text[std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random)]);
          break;
      }
    }
    ASSERT_NO_FATAL_FAILURE(survive(text)) << "mutation " << i << ":\n" << text;
  }
}

}  // namespace
}  // namespace arrears
