#pragma once
// Reads the '|'-separated tables of tests/data/law/: one case per line, '#' starts a comment
// line, blank lines are skipped, spaces around each field are ignored.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace arrears::testing {

struct table_row {
  std::string where;  ///< "file:line name", for SCOPED_TRACE
  std::vector<std::string> fields;
  [[nodiscard]] const std::string& operator[](std::size_t i) const { return fields.at(i); }
};

inline std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

/// Every data row of `path`, each with exactly `columns` fields; a row with another count is
/// a test failure (reported, and skipped).
inline std::vector<table_row> read_pipe_table(const std::string& path, std::size_t columns) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<table_row> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string content = trimmed(line);
    if (content.empty() || content.front() == '#') continue;
    table_row row;
    std::size_t start = 0;
    while (true) {
      const auto bar = content.find('|', start);
      row.fields.push_back(trimmed(content.substr(start, bar - start)));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    row.where = path + ":" + std::to_string(number) + " " + row.fields.front();
    if (row.fields.size() != columns) {
      ADD_FAILURE() << row.where << ": " << row.fields.size() << " fields, expected " << columns;
      continue;
    }
    rows.push_back(std::move(row));
  }
  EXPECT_FALSE(rows.empty()) << path << " has no rows";
  return rows;
}

/// The words of a field separated by spaces; "-" is no words.
inline std::vector<std::string> words(const std::string& field) {
  std::vector<std::string> result;
  if (field == "-") return result;
  std::size_t start = 0;
  while (start < field.size()) {
    const auto space = field.find(' ', start);
    const std::string word = field.substr(start, space - start);
    if (!word.empty()) result.push_back(word);
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return result;
}

}  // namespace arrears::testing
