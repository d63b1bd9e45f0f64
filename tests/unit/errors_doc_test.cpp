// docs/errors.md lists every error code with its number and name.

#include <arrears/core/error.hpp>

#include <gtest/gtest.h>
#include <boost/mp11/algorithm.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

namespace arrears {
namespace {

TEST(errors_doc, lists_every_code_with_its_number_and_name) {
  std::ifstream file(ARREARS_SOURCE_DIR "/docs/errors.md");
  ASSERT_TRUE(file);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string doc = buffer.str();
  int listed = 0;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<errc>>([&](auto code) {
    if (code.value == errc::ok) return;
    const std::string row =
        "| " + std::to_string(static_cast<int>(code.value)) + " | `" + code.name + "` |";
    EXPECT_NE(doc.find(row), std::string::npos) << "docs/errors.md has no row " << row;
    ++listed;
  });
  // And no row for a code that does not exist: the doc has exactly one row per code.
  int rows = 0;
  for (std::size_t at = doc.find("\n| "); at != std::string::npos; at = doc.find("\n| ", at + 1))
    if (at + 5 < doc.size() && std::isdigit(static_cast<unsigned char>(doc[at + 3]))) ++rows;
  EXPECT_EQ(rows, listed);
  EXPECT_GT(listed, 0);
}

TEST(errors, names_come_from_the_code_list) {
  EXPECT_STREQ(error_name(errc::currency_mismatch), "currency_mismatch");
  EXPECT_STREQ(error_name(static_cast<errc>(9999)), "unknown");
  const error failure(errc::unknown_claim, "case 'C-1': no claim 'X'");
  EXPECT_EQ(failure.code(), errc::unknown_claim);
  EXPECT_STREQ(failure.what(), "case 'C-1': no claim 'X'");
}

}  // namespace
}  // namespace arrears
