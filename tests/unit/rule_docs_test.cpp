// docs/policy-language.md cannot drift from the code: its facts table lists exactly the facts
// of fact_schema() with their types, and its actions table exactly the actions.

#include <arrears/policy/action.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace arrears {
namespace {

std::string document() {
  std::ifstream in(std::string(ARREARS_SOURCE_DIR) + "/docs/policy-language.md");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The rows "| `name` | second column |" of the table under `heading`, as name -> column 2.
std::map<std::string, std::string> table_rows(const std::string& doc, const std::string& heading) {
  std::map<std::string, std::string> rows;
  const std::size_t start = doc.find("\n" + heading + "\n");
  EXPECT_NE(start, std::string::npos) << heading;
  if (start == std::string::npos) return rows;
  std::istringstream section(doc.substr(start + heading.size() + 2));
  for (std::string line; std::getline(section, line);) {
    if (line.rfind("## ", 0) == 0) break;
    if (line.rfind("| `", 0) != 0) continue;
    const std::size_t name_end = line.find('`', 3);
    const std::size_t second = line.find('|', name_end);
    const std::size_t third = line.find('|', second + 1);
    std::string column = line.substr(second + 1, third - second - 1);
    column.erase(0, column.find_first_not_of(' '));
    column.erase(column.find_last_not_of(' ') + 1);
    rows[line.substr(3, name_end - 3)] = column;
  }
  return rows;
}

const char* type_word(fact_type t) {
  switch (t) {
    case fact_type::integer:
      return "integer";
    case fact_type::money:
      return "money";
    case fact_type::boolean:
      return "boolean";
    case fact_type::enumeration:
      return "enumeration";
  }
  return "?";
}

TEST(rule_docs, facts_table_lists_every_fact_with_its_type_and_nothing_else) {
  const std::map<std::string, std::string> rows = table_rows(document(), "## Facts");
  std::size_t listed = 0;
  for (const fact_info& info : fact_schema()) {
    const auto row = rows.find(std::string(info.name));
    if (row == rows.end()) {
      ADD_FAILURE() << "fact '" << info.name << "' is missing from docs/policy-language.md";
      continue;
    }
    ++listed;
    EXPECT_EQ(row->second, type_word(info.type)) << info.name;
  }
  EXPECT_EQ(listed, rows.size()) << "the doc lists facts the schema does not have";
}

TEST(rule_docs, enumeration_facts_list_every_name_they_accept) {
  const std::string doc = document();
  for (const fact_info& info : fact_schema()) {
    if (info.type != fact_type::enumeration) continue;
    const std::size_t row = doc.find("| `" + std::string(info.name) + "` |");
    ASSERT_NE(row, std::string::npos) << info.name;
    const std::string line = doc.substr(row, doc.find('\n', row) - row);
    for (const std::string_view name : info.enumerators)
      EXPECT_NE(line.find("`" + std::string(name) + "`"), std::string::npos)
          << info.name << " lacks " << name;
  }
}

TEST(rule_docs, actions_table_lists_every_action_and_nothing_else) {
  const std::map<std::string, std::string> rows = table_rows(document(), "## Actions");
  for (int i = 0; i < action_count; ++i)
    EXPECT_EQ(rows.count(action_name(static_cast<action>(i))), 1u)
        << "action '" << action_name(static_cast<action>(i)) << "' is missing";
  EXPECT_EQ(rows.size(), static_cast<std::size_t>(action_count));
}

}  // namespace
}  // namespace arrears
