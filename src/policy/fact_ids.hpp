#pragma once
// The index of each fact the built-in policies read (the playbook, the guards), found at
// compile time (fact_index_of): deciding never looks a name up, and a renamed fact is a
// compile error. Private to src/policy.

#include <arrears/policy/fact_schema.hpp>
#include <arrears/policy/facts.hpp>

namespace arrears::detail::fact_id {

inline constexpr fact_index state = fact_index_of<&facts::state>();
inline constexpr fact_index days_overdue = fact_index_of<&facts::days_overdue>();
inline constexpr fact_index days_until_due = fact_index_of<&facts::days_until_due>();
inline constexpr fact_index days_since_invoice = fact_index_of<&facts::days_since_invoice>();
inline constexpr fact_index open_amount = fact_index_of<&facts::open_amount>();
inline constexpr fact_index disputed_amount = fact_index_of<&facts::disputed_amount>();
inline constexpr fact_index dunnable_amount = fact_index_of<&facts::dunnable_amount>();
inline constexpr fact_index credit_due_amount = fact_index_of<&facts::credit_due_amount>();
inline constexpr fact_index reminders_sent = fact_index_of<&facts::reminders_sent>();
inline constexpr fact_index last_reminder_level = fact_index_of<&facts::last_reminder_level>();
inline constexpr fact_index days_since_reminder = fact_index_of<&facts::days_since_reminder>();
inline constexpr fact_index days_since_contact = fact_index_of<&facts::days_since_contact>();
inline constexpr fact_index contacts_last_7_days = fact_index_of<&facts::contacts_last_7_days>();
inline constexpr fact_index calls_made = fact_index_of<&facts::calls_made>();
inline constexpr fact_index reason = fact_index_of<&facts::reason>();
inline constexpr fact_index dispute_state = fact_index_of<&facts::dispute_state>();
inline constexpr fact_index dispute_verdict = fact_index_of<&facts::dispute_verdict>();
inline constexpr fact_index invalid_dispute_amount =
    fact_index_of<&facts::invalid_dispute_amount>();
inline constexpr fact_index days_since_position_explained =
    fact_index_of<&facts::days_since_position_explained>();
inline constexpr fact_index promises_broken = fact_index_of<&facts::promises_broken>();
inline constexpr fact_index promise_active = fact_index_of<&facts::promise_active>();
inline constexpr fact_index days_until_promise = fact_index_of<&facts::days_until_promise>();
inline constexpr fact_index arrangement_active = fact_index_of<&facts::arrangement_active>();
inline constexpr fact_index instalments_missed = fact_index_of<&facts::instalments_missed>();
inline constexpr fact_index days_instalment_overdue =
    fact_index_of<&facts::days_instalment_overdue>();
inline constexpr fact_index instalment_due_amount = fact_index_of<&facts::instalment_due_amount>();
inline constexpr fact_index days_until_instalment = fact_index_of<&facts::days_until_instalment>();
inline constexpr fact_index arrangement_confirmed = fact_index_of<&facts::arrangement_confirmed>();
inline constexpr fact_index arrangements_broken = fact_index_of<&facts::arrangements_broken>();
inline constexpr fact_index debtor_kind = fact_index_of<&facts::debtor_kind>();
inline constexpr fact_index relationship_value = fact_index_of<&facts::relationship_value>();
inline constexpr fact_index goodwill_granted = fact_index_of<&facts::goodwill_granted>();
inline constexpr fact_index goodwill_count = fact_index_of<&facts::goodwill_count>();
inline constexpr fact_index fourteen_day_letter_sent =
    fact_index_of<&facts::fourteen_day_letter_sent>();
inline constexpr fact_index fourteen_day_letter_expired =
    fact_index_of<&facts::fourteen_day_letter_expired>();
inline constexpr fact_index formal_notice_sent = fact_index_of<&facts::formal_notice_sent>();
inline constexpr fact_index costs_allowed = fact_index_of<&facts::costs_allowed>();
inline constexpr fact_index costs_due = fact_index_of<&facts::costs_due>();
inline constexpr fact_index days_to_limitation = fact_index_of<&facts::days_to_limitation>();
inline constexpr fact_index agency_net_recovery = fact_index_of<&facts::agency_net_recovery>();
inline constexpr fact_index legal_net_recovery = fact_index_of<&facts::legal_net_recovery>();
inline constexpr fact_index marketing_suppressed = fact_index_of<&facts::marketing_suppressed>();

}  // namespace arrears::detail::fact_id
