#pragma once
// Case events: past-tense facts. A case's state is the fold of its events, and its list of
// events, each with date, actor and note, is the audit trail. docs/events.md documents
// every field and the JSON form.

#include <arrears/core/channel.hpp>
#include <arrears/core/claim.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/payment_terms.hpp>
#include <arrears/model/dispute.hpp>
#include <arrears/model/letter_kind.hpp>
#include <arrears/model/reason.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace arrears {

/// An invoice joins the case. Credit notes come through credit_note_issued.
struct claim_added {
  claim invoice;
  friend bool operator==(const claim_added&, const claim_added&) = default;
};
/// The books changed the debtor's details (replaces the profile as a whole).
struct debtor_updated {
  debtor_profile debtor;
  friend bool operator==(const debtor_updated&, const debtor_updated&) = default;
};
/// The agreed payment term changed: due dates of the listed open claims (all open claims
/// when the list is empty) are recomputed from their issue dates, the debtor's term
/// follows, and the dunning clock restarts from the new due dates.
struct terms_changed {
  payment_terms terms;
  std::vector<std::string> claims;
  friend bool operator==(const terms_changed&, const terms_changed&) = default;
};
/// Money arrived. Allocated to costs, then interest, then principal (NL art. 6:44 BW);
/// across claims in the debtor's designation order, else oldest due first (6:43).
struct payment_received {
  money amount;
  std::vector<std::string> designation;
  std::string reference;
  friend bool operator==(const payment_received&, const payment_received&) = default;
};
/// A credit note reduces a claim (`against`), or the oldest open claims when empty.
struct credit_note_issued {
  claim credit_note;
  std::string against;
  friend bool operator==(const credit_note_issued&, const credit_note_issued&) = default;
};
/// Extrajudicial collection costs were charged (e.g. the NL BIK amount after an expired
/// 14-day letter). `basis` says how they were computed.
struct costs_charged {
  money amount;
  std::string basis;
  friend bool operator==(const costs_charged&, const costs_charged&) = default;
};
/// Statutory or agreed interest was charged up to and including `through`.
struct interest_charged {
  money amount;
  date through;
  std::string basis;
  friend bool operator==(const interest_charged&, const interest_charged&) = default;
};
/// A payment reminder went out; `level` counts 1, 2, ... along the ladder.
struct reminder_sent {
  int level = 1;
  arrears::channel channel = arrears::channel::email;
  friend bool operator==(const reminder_sent&, const reminder_sent&) = default;
};
/// A call was made; when the debtor was reached it may have told the reason.
struct call_logged {
  bool reached = false;
  std::optional<arrears::reason> reason_learned;
  friend bool operator==(const call_logged&, const call_logged&) = default;
};
struct letter_sent {
  letter_kind kind = letter_kind::fourteen_day_letter;
  arrears::channel channel = arrears::channel::post;
  friend bool operator==(const letter_sent&, const letter_sent&) = default;
};
/// The reason for non-payment became known some other way than a call.
struct reason_recorded {
  arrears::reason reason = arrears::reason::unknown;
  friend bool operator==(const reason_recorded&, const reason_recorded&) = default;
};
/// The debtor disputes `amount` of one claim; that part is held, the rest is still collected.
struct dispute_opened {
  std::string claim;
  money amount;
  dispute_category category = dispute_category::other;
  friend bool operator==(const dispute_opened&, const dispute_opened&) = default;
};
struct evidence_added {
  std::string claim;
  std::string description;
  std::string reference;
  friend bool operator==(const evidence_added&, const evidence_added&) = default;
};
/// The verdict on a claim's open dispute. `justified_amount` is the part the debtor was
/// right about: all of the disputed amount for `valid`, part for `partially_valid`, zero for
/// `invalid`. The justified part waits for a credit note; the rest is collected again.
struct dispute_resolved {
  std::string claim;
  arrears::verdict verdict = arrears::verdict::invalid;
  money justified_amount;
  friend bool operator==(const dispute_resolved&, const dispute_resolved&) = default;
};
/// The debtor promised to pay `amount` by `due`; dunning pauses until then.
struct promise_made {
  money amount;
  date due;
  friend bool operator==(const promise_made&, const promise_made&) = default;
};
struct promise_broken {
  friend bool operator==(const promise_broken&, const promise_broken&) = default;
};
struct instalment {
  date due;
  money amount;
  friend bool operator==(const instalment&, const instalment&) = default;
};
BOOST_DESCRIBE_STRUCT(instalment, (), (due, amount))
/// An instalment plan was agreed: strictly increasing due dates, positive amounts.
struct arrangement_agreed {
  std::vector<instalment> schedule;
  friend bool operator==(const arrangement_agreed&, const arrangement_agreed&) = default;
};
/// Instalment `number` (1-based) was paid; allocated like a payment.
struct instalment_paid {
  int number = 1;
  money amount;
  friend bool operator==(const instalment_paid&, const instalment_paid&) = default;
};
struct instalment_missed {
  int number = 1;
  friend bool operator==(const instalment_missed&, const instalment_missed&) = default;
};
struct arrangement_broken {
  friend bool operator==(const arrangement_broken&, const arrangement_broken&) = default;
};
struct handed_to_agency {
  std::string agency;
  friend bool operator==(const handed_to_agency&, const handed_to_agency&) = default;
};
struct legal_started {
  std::string reference;
  friend bool operator==(const legal_started&, const legal_started&) = default;
};

enum class write_off_reason : std::uint8_t { goodwill, uncollectible, prescribed };
BOOST_DESCRIBE_ENUM(write_off_reason, goodwill, uncollectible, prescribed)

/// Money is given up. With a claim: that claim's principal; without: the whole case
/// (costs, interest and principal). Without an amount: all of it.
struct written_off {
  write_off_reason reason = write_off_reason::uncollectible;
  std::string claim;
  std::optional<money> amount;
  friend bool operator==(const written_off&, const written_off&) = default;
};
struct marketing_suppressed {
  friend bool operator==(const marketing_suppressed&, const marketing_suppressed&) = default;
};
struct marketing_reactivated {
  friend bool operator==(const marketing_reactivated&, const marketing_reactivated&) = default;
};
/// Closes a case with nothing open (settling the last money already closes it).
struct case_closed {
  friend bool operator==(const case_closed&, const case_closed&) = default;
};

#define ARREARS_EVENT_TYPES                                                                        \
  claim_added, debtor_updated, terms_changed, payment_received, credit_note_issued, costs_charged, \
      interest_charged, reminder_sent, call_logged, letter_sent, reason_recorded, dispute_opened,  \
      evidence_added, dispute_resolved, promise_made, promise_broken, arrangement_agreed,          \
      instalment_paid, instalment_missed, arrangement_broken, handed_to_agency, legal_started,     \
      written_off, marketing_suppressed, marketing_reactivated, case_closed

/// The kind of an event; the enumerator names are the JSON "type" names, and the order is
/// the order of the alternatives in event_body.
enum class event_type : std::uint8_t { ARREARS_EVENT_TYPES };
BOOST_DESCRIBE_ENUM(event_type, ARREARS_EVENT_TYPES)

using event_body = std::variant<ARREARS_EVENT_TYPES>;
#undef ARREARS_EVENT_TYPES

inline constexpr int event_type_count = static_cast<int>(std::variant_size_v<event_body>);

BOOST_DESCRIBE_STRUCT(claim_added, (), (invoice))
BOOST_DESCRIBE_STRUCT(debtor_updated, (), (debtor))
BOOST_DESCRIBE_STRUCT(terms_changed, (), (terms, claims))
BOOST_DESCRIBE_STRUCT(payment_received, (), (amount, designation, reference))
BOOST_DESCRIBE_STRUCT(credit_note_issued, (), (credit_note, against))
BOOST_DESCRIBE_STRUCT(costs_charged, (), (amount, basis))
BOOST_DESCRIBE_STRUCT(interest_charged, (), (amount, through, basis))
BOOST_DESCRIBE_STRUCT(reminder_sent, (), (level, channel))
BOOST_DESCRIBE_STRUCT(call_logged, (), (reached, reason_learned))
BOOST_DESCRIBE_STRUCT(letter_sent, (), (kind, channel))
BOOST_DESCRIBE_STRUCT(reason_recorded, (), (reason))
BOOST_DESCRIBE_STRUCT(dispute_opened, (), (claim, amount, category))
BOOST_DESCRIBE_STRUCT(evidence_added, (), (claim, description, reference))
BOOST_DESCRIBE_STRUCT(dispute_resolved, (), (claim, verdict, justified_amount))
BOOST_DESCRIBE_STRUCT(promise_made, (), (amount, due))
BOOST_DESCRIBE_STRUCT(promise_broken, (), ())
BOOST_DESCRIBE_STRUCT(arrangement_agreed, (), (schedule))
BOOST_DESCRIBE_STRUCT(instalment_paid, (), (number, amount))
BOOST_DESCRIBE_STRUCT(instalment_missed, (), (number))
BOOST_DESCRIBE_STRUCT(arrangement_broken, (), ())
BOOST_DESCRIBE_STRUCT(handed_to_agency, (), (agency))
BOOST_DESCRIBE_STRUCT(legal_started, (), (reference))
BOOST_DESCRIBE_STRUCT(written_off, (), (reason, claim, amount))
BOOST_DESCRIBE_STRUCT(marketing_suppressed, (), ())
BOOST_DESCRIBE_STRUCT(marketing_reactivated, (), ())
BOOST_DESCRIBE_STRUCT(case_closed, (), ())

/// Who, when and why: every event carries these for the audit trail.
struct event_meta {
  date on;
  /// Who recorded it: a user, "ledger", "policy", a system name.
  std::string actor;
  std::string note;
  friend bool operator==(const event_meta&, const event_meta&) = default;
};

/// One event: its meta data and its body.
struct event {
  event_meta meta;
  event_body body;

  event() = default;
  template <class Body>
  requires std::is_constructible_v<event_body, Body&&> event(date on, Body&& body_,
                                                             std::string actor = {},
                                                             std::string note = {})
      : meta{on, std::move(actor), std::move(note)}, body(std::forward<Body>(body_)) {}

  [[nodiscard]] event_type type() const noexcept { return static_cast<event_type>(body.index()); }
  friend bool operator==(const event&, const event&) = default;
};

/// "payment_received".
[[nodiscard]] inline const char* event_type_name(event_type type) noexcept {
  return boost::describe::enum_to_string(type, "unknown");
}

}  // namespace arrears
