// The --policy option (policy_option.hpp).

#include "policy_option.hpp"

#include <arrears/core/calendar.hpp>
#include <arrears/core/dutch_calendar.hpp>
#include <arrears/law/belgian_calendar.hpp>
#include <arrears/policy/guarded.hpp>
#include <arrears/policy/playbook.hpp>
#include <arrears/policy/rule_table.hpp>

#include <memory>
#include <string_view>
#include <utility>

namespace arrears::cli {
namespace {

/// The quiet days of the jurisdiction's calendar: the Dutch and Belgian holidays arrears
/// knows; elsewhere only Sundays (arrears has no holiday calendar for de, uk, eu yet).
std::shared_ptr<const business_calendar> calendar_for(std::string_view jurisdiction) {
  if (jurisdiction == "nl") return std::make_shared<dutch_calendar>();
  if (jurisdiction == "be") return std::make_shared<belgian_calendar>();
  return std::make_shared<weekend_calendar>();
}

template <policy P>
any_policy maybe_guarded(P inner, const std::string& jurisdiction, bool guards) {
  if (!guards) return any_policy(std::move(inner));
  guard_rules rules;
  rules.calendar = calendar_for(jurisdiction);
  return any_policy(guarded<P>(std::move(inner), std::move(rules)));
}

}  // namespace

any_policy load_policy(const std::string& policy, const std::string& jurisdiction, bool guards) {
  if (policy == "playbook") return maybe_guarded(playbook{}, jurisdiction, guards);
  return maybe_guarded(rule_table::load(policy), jurisdiction, guards);
}

}  // namespace arrears::cli
