// Policy diagnostics: every problem at once, each at file:line:column, with "did you mean".
// Driven by tests/data/policies: each bad/<file> has a <file>.expected listing its
// diagnostics exactly (line:column: severity: message); each good/<file> must load, with the
// warnings of its <file>.expected, if any.

#include <arrears/core/error.hpp>
#include <arrears/policy/rule_table.hpp>

#include "support/error_code_of.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace arrears {
namespace {

namespace fs = std::filesystem;

const fs::path policies_dir = fs::path(ARREARS_TEST_DATA_DIR) / "policies";

std::vector<fs::path> policy_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() != ".expected") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> expected_lines(const fs::path& policy) {
  std::vector<std::string> lines;
  std::ifstream in(policy.string() + ".expected");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

/// "line:column: severity: message", the diagnostic without its file name.
std::vector<std::string> located(const std::vector<policy_diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const policy_diagnostic& d : diagnostics) {
    const std::string text = d.to_string();
    lines.push_back(text.substr(d.file.size() + 1));
  }
  return lines;
}

TEST(rule_diagnostics, every_bad_policy_reports_exactly_its_expected_diagnostics) {
  const std::vector<fs::path> files = policy_files(policies_dir / "bad");
  ASSERT_GE(files.size(), 10u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const std::vector<std::string> expected = expected_lines(file);
    ASSERT_FALSE(expected.empty()) << "no " << file.filename().string() << ".expected";
    const std::vector<policy_diagnostic> diagnostics = check_rule_table_file(file);
    EXPECT_EQ(located(diagnostics), expected);
    for (const policy_diagnostic& d : diagnostics) EXPECT_EQ(d.file, file.string());
  }
}

TEST(rule_diagnostics, loading_a_bad_policy_throws_its_errors_one_per_line) {
  for (const fs::path& file : policy_files(policies_dir / "bad")) {
    SCOPED_TRACE(file.filename().string());
    std::string expected;
    for (const policy_diagnostic& d : check_rule_table_file(file)) {
      if (!d.is_error()) continue;
      if (!expected.empty()) expected += '\n';
      expected += d.to_string();
    }
    try {
      (void)rule_table::load(file);
      ADD_FAILURE() << "loaded";
    } catch (const error& e) {
      EXPECT_EQ(e.code(), errc::invalid_policy);
      EXPECT_EQ(e.what(), expected);
    }
  }
}

TEST(rule_diagnostics, every_good_policy_loads_with_only_its_expected_warnings) {
  const std::vector<fs::path> files = policy_files(policies_dir / "good");
  ASSERT_GE(files.size(), 3u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const std::vector<policy_diagnostic> diagnostics = check_rule_table_file(file);
    EXPECT_EQ(located(diagnostics), expected_lines(file));
    EXPECT_TRUE(std::none_of(diagnostics.begin(), diagnostics.end(),
                             [](const policy_diagnostic& d) { return d.is_error(); }));
    EXPECT_EQ(testing::error_code_of([&] { (void)rule_table::load(file); }), errc::ok);
  }
}

TEST(rule_diagnostics, misspelt_fact_is_reported_with_line_column_and_did_you_mean) {
  const std::vector<policy_diagnostic> diagnostics = check_rule_table(
      "rules:\n  - id: a\n    when: days_overdu > 1\n    then: remind\n", "policy.yaml");
  ASSERT_EQ(diagnostics.size(), 2u);  // the error, and the warning that there is no default
  const policy_diagnostic& error = diagnostics[1];
  EXPECT_EQ(error.file, "policy.yaml");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 11);
  EXPECT_EQ(error.severity, policy_diagnostic::severity_level::error);
  EXPECT_EQ(error.to_string(),
            "policy.yaml:3:11: error: unknown fact 'days_overdu'; did you mean 'days_overdue'?");
  EXPECT_EQ(diagnostics[0].to_string().substr(0, 23), "policy.yaml:1:1: warnin");
}

TEST(rule_diagnostics, all_errors_of_one_expression_are_reported_not_just_the_first) {
  const std::vector<policy_diagnostic> diagnostics = check_rule_table(
      "default: none\nrules:\n  - id: a\n    when: days_overdu > 1 and reminder_sent == 0 and "
      "reason == \"forgott\"\n    then: remind\n",
      "p.yaml");
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics[0].column, 11);
  EXPECT_EQ(diagnostics[1].column, 31);
  EXPECT_EQ(diagnostics[2].column, 64);
  EXPECT_NE(diagnostics[2].message.find("did you mean 'forgot'"), std::string::npos);
}

TEST(rule_diagnostics, a_clean_policy_has_no_diagnostics) {
  EXPECT_TRUE(check_rule_table("default: {action: none, next_review: 7}\nrules:\n"
                               "  - {id: a, when: days_overdue > 0, then: remind}\n",
                               "p.yaml")
                  .empty());
}

TEST(rule_diagnostics, an_unreadable_file_is_one_error) {
  const std::vector<policy_diagnostic> diagnostics =
      check_rule_table_file(policies_dir / "no-such-policy.yaml");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_TRUE(diagnostics[0].is_error());
  EXPECT_NE(diagnostics[0].message.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace arrears
