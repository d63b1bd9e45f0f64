#pragma once
// Looking up the described enumerations a policy file names (actions, channels, letters,
// intervals), with the list of names for "did you mean".

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace arrears::detail::rules {

/// The enumerator names of described enumeration E, in declaration order.
template <class E>
[[nodiscard]] std::span<const std::string_view> enumerator_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
        [&](auto d) { out.emplace_back(d.name); });
    return out;
  }();
  return names;
}

/// Finds enumerator `name` of E; false when there is none.
template <class E>
[[nodiscard]] bool enumerator_from_name(std::string_view name, E& out) {
  bool found = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!found && name == d.name) {
      out = d.value;
      found = true;
    }
  });
  return found;
}

}  // namespace arrears::detail::rules
