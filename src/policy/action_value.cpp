// The worth of an action on the worklist (policy/action_value.hpp).

#include <arrears/policy/action_value.hpp>

namespace arrears {

money amount_at_stake(const decision& d, const facts& f) {
  if (d.parameters.amount) return *d.parameters.amount;
  switch (d.kind) {
    case action::courtesy_call:
      return f.dunnable_amount.is_positive() ? f.dunnable_amount : f.open_amount;
    case action::remind:
    case action::call:
    case action::send_fourteen_day_letter:
    case action::send_formal_notice:
    case action::escalate_agency:
    case action::start_legal:
      return f.dunnable_amount;
    case action::investigate_dispute:
      return f.disputed_amount;
    case action::explain_position:
      return f.invalid_dispute_amount;
    case action::issue_credit_note:
      return f.undisputed_amount;
    case action::propose_arrangement:
    case action::confirm_arrangement:
    case action::write_off_goodwill:
    case action::write_off_uncollectible:
      return f.open_amount;
    default:
      return money::zero(f.currency);
  }
}

money expected_value(const decision& d, const facts& f, const action_value_parameters& p) {
  switch (d.kind) {
    case action::escalate_agency:
      return f.agency_net_recovery;
    case action::start_legal:
      return f.legal_net_recovery;
    default:
      return percentage_of(amount_at_stake(d, f),
                           p.response_share[static_cast<std::size_t>(d.kind)]);
  }
}

}  // namespace arrears
