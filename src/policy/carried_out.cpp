// The events of a carried-out action (policy/carried_out.hpp).

#include <arrears/policy/action_letter.hpp>
#include <arrears/policy/carried_out.hpp>

#include <algorithm>

namespace arrears {
namespace {

/// Goodwill waives the principal of the claims whose complaint was found invalid, oldest
/// first, up to the amount decided (all of it when the decision names none).
void waive_invalid_complaints(const collection_case& c, const decision& d,
                              std::vector<event_body>& out) {
  std::optional<money> left = d.parameters.amount;
  for (const claim_balance& claim : c.claims()) {
    if (claim.last_verdict != verdict::invalid || !claim.open.is_positive()) continue;
    if (left && !left->is_positive()) break;
    const money amount = left ? std::min(*left, claim.open) : claim.open;
    out.emplace_back(written_off{write_off_reason::goodwill, claim.invoice.id, amount});
    if (left) *left = *left - amount;
  }
}

}  // namespace

std::vector<event_body> carried_out(const collection_case& c, const decision& d,
                                    const carried_out_details& details) {
  std::vector<event_body> out;
  switch (d.kind) {
    case action::write_off_goodwill:
      waive_invalid_complaints(c, d, out);
      break;
    case action::write_off_uncollectible:
      out.emplace_back(written_off{write_off_reason::uncollectible, {}, d.parameters.amount});
      break;
    case action::call:
    case action::courtesy_call:
      out.emplace_back(
          call_logged{details.reached, details.reached ? details.reason : std::nullopt});
      break;
    case action::escalate_agency:
      out.emplace_back(
          handed_to_agency{details.agency.empty() ? "collection agency" : details.agency});
      break;
    case action::start_legal:
      out.emplace_back(legal_started{details.reference});
      break;
    case action::suppress_marketing:
      out.emplace_back(marketing_suppressed{});
      break;
    case action::reactivate_marketing:
      out.emplace_back(marketing_reactivated{});
      break;
    default:
      break;
  }
  if (const std::optional<action_letter> letter = letter_for(c, d))
    out.push_back(letter->sent_event());
  return out;
}

}  // namespace arrears
