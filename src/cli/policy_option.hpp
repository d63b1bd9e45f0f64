#pragma once
// The --policy option of the commands that decide (decide, run): the built-in playbook or a
// rule table file, wrapped in the compliance guards unless asked not to.

#include <arrears/policy/any_policy.hpp>

#include <string>

namespace arrears::cli {

/// 'playbook' or a rule table file (YAML or JSON), in guarded<> with the quiet days of
/// `jurisdiction`'s calendar unless `guards` is false.
[[nodiscard]] any_policy load_policy(const std::string& policy, const std::string& jurisdiction,
                                     bool guards);

}  // namespace arrears::cli
