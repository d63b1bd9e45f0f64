// Action names.

#include <arrears/policy/action.hpp>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <string>

namespace arrears {

const char* action_name(action a) noexcept { return boost::describe::enum_to_string(a, "unknown"); }

bool action_from_name(std::string_view name, action& out) noexcept {
  // enum_from_string wants a NUL-terminated name; action names are short.
  char buffer[40];
  if (name.size() >= sizeof buffer) return false;
  name.copy(buffer, name.size());
  buffer[name.size()] = '\0';
  return boost::describe::enum_from_string(buffer, out);
}

}  // namespace arrears
