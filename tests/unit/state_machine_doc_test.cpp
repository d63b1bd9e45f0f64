// docs/state-machine.md shows the transition table; this test renders the table from
// transition_table.hpp and requires the document to hold exactly that.

#include <arrears/model/transition_table.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace arrears {
namespace {

std::string cell(transition t) {
  switch (t.kind) {
    case transition_kind::reject:
      return "—";
    case transition_kind::stay:
      return "stay";
    case transition_kind::reassess:
      return "reassess";
    case transition_kind::settle:
      return "settle";
    case transition_kind::keep_promise:
      return "keep promise";
    case transition_kind::move:
      return std::string("→ ") + boost::describe::enum_to_string(t.target, "?");
  }
  return "?";
}

std::string rendered_table() {
  std::ostringstream out;
  out << "| event \\ state |";
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<case_state>>(
      [&](auto state) { out << ' ' << state.name << " |"; });
  out << "\n|---|";
  for (int i = 0; i < case_state_count; ++i) out << "---|";
  out << '\n';
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<event_type>>([&](auto type) {
    out << "| `" << type.name << "` |";
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<case_state>>(
        [&](auto state) { out << ' ' << cell(transition_for(state.value, type.value)) << " |"; });
    out << '\n';
  });
  return out.str();
}

TEST(state_machine_doc, the_document_shows_the_table_in_the_code) {
  std::ifstream file(ARREARS_SOURCE_DIR "/docs/state-machine.md");
  ASSERT_TRUE(file) << "docs/state-machine.md is missing";
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string doc = buffer.str();
  const std::string begin = "<!-- transition-table:begin -->\n",
                    end = "<!-- transition-table:end -->";
  const auto from = doc.find(begin), to = doc.find(end);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string in_doc = doc.substr(from + begin.size(), to - from - begin.size());
  EXPECT_EQ(in_doc, rendered_table()) << "Paste this table into docs/state-machine.md:\n"
                                      << rendered_table();
}

}  // namespace
}  // namespace arrears
