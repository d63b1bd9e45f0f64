// The fold of case events. Every event is first checked completely (no change to the case),
// then performed (cannot fail), then the state moves as the transition table says; that
// order is what makes apply() all-or-nothing.

#include <arrears/model/collection_case.hpp>
#include <arrears/model/transition_table.hpp>

#include <algorithm>
#include <utility>

namespace arrears {

namespace {

bool is_ladder_state(case_state state) noexcept {
  return state == case_state::current || state == case_state::overdue ||
         state == case_state::disputed;
}

bool collection_order(const claim_balance& a, const claim_balance& b) noexcept {
  if (a.invoice.due_date != b.invoice.due_date) return a.invoice.due_date < b.invoice.due_date;
  if (a.invoice.issue_date != b.invoice.issue_date)
    return a.invoice.issue_date < b.invoice.issue_date;
  return a.sequence < b.sequence;
}

/// The three parts of a claim's open principal, in the order a settlement reaches them.
enum class claim_part : std::uint8_t { undisputed, disputed, awaiting_credit };
constexpr claim_part payment_order[] = {claim_part::undisputed, claim_part::disputed,
                                        claim_part::awaiting_credit};
constexpr claim_part credit_order[] = {claim_part::awaiting_credit, claim_part::disputed,
                                       claim_part::undisputed};

case_outcome outcome_of(write_off_reason why) noexcept {
  switch (why) {
    case write_off_reason::goodwill:
      return case_outcome::written_off_goodwill;
    case write_off_reason::prescribed:
      return case_outcome::prescribed;
    case write_off_reason::uncollectible:
      break;
  }
  return case_outcome::written_off_uncollectible;
}

}  // namespace

/// Checks and performs one event against one case. check() reads only; perform() changes
/// the case and relies on check() having passed.
struct case_applier {
  collection_case& c;
  const event& e;
  date on;
  case_state from;

  using result = std::optional<rejection>;

  // ---------------------------------------------------------------- helpers

  [[nodiscard]] rejection reject(errc code, const std::string& what) const {
    return {code, from, e.type(),
            "case '" + c.id_ + "', event " + std::to_string(c.event_count_ + 1) + " (" +
                to_iso(on) + " " + event_type_name(e.type()) + ", state " +
                boost::describe::enum_to_string(from, "?") + "): " + what};
  }
  [[nodiscard]] money zero() const { return money::zero(c.currency_); }

  [[nodiscard]] claim_balance* find(std::string_view claim_id) const {
    for (auto& balance : c.claims_)
      if (balance.invoice.id == claim_id) return &balance;
    return nullptr;
  }

  /// An amount that must be positive and in the case's currency.
  [[nodiscard]] result check_amount(money amount, const char* field) const {
    if (!c.currency_known_)
      return reject(errc::amount_exceeds_open,
                    std::string("'") + field + "' cannot apply: the case holds no claim yet");
    if (amount.currency() != c.currency_)
      return reject(errc::currency_mismatch,
                    std::string("'") + field + "' is in " + to_string(amount.currency()) +
                        ", the case is in " + std::string(c.currency_.code()));
    if (!amount.is_positive())
      return reject(errc::invalid_event,
                    std::string("'") + field + "' must be positive, got " + format_amount(amount));
    return {};
  }

  [[nodiscard]] result check_claim(std::string_view claim_id, const char* field) const {
    if (claim_id.empty())
      return reject(errc::invalid_event, std::string("'") + field + "' must name a claim");
    if (!find(claim_id))
      return reject(errc::unknown_claim, std::string("'") + field + "' names claim '" +
                                             std::string(claim_id) +
                                             "', which the case does not hold");
    return {};
  }

  [[nodiscard]] result check_not_above(money amount, money limit, const std::string& what) const {
    if (amount > limit)
      return reject(errc::amount_exceeds_open,
                    format_amount(amount) + " exceeds " + what + " (" + format_amount(limit) + ")");
    return {};
  }

  /// Grand total charged so far; every other amount of the case is bounded by it, so
  /// checking that it stays in range keeps every later sum in range.
  [[nodiscard]] result check_room_for(money added) const {
    std::int64_t total = 0;
    if (__builtin_add_overflow(c.totals_.invoiced.minor_units(),
                               c.totals_.costs_charged.minor_units(), &total) ||
        __builtin_add_overflow(total, c.totals_.interest_charged.minor_units(), &total) ||
        __builtin_add_overflow(total, added.minor_units(), &total))
      return reject(errc::overflow, "the case's total would exceed the range of amounts");
    return {};
  }

  [[nodiscard]] result check_dunnable() const {
    if (!c.dunnable_on(on).is_positive())
      return reject(errc::nothing_overdue, "no undisputed money is overdue on " + to_iso(on) +
                                               "; disputed money is never dunned");
    return {};
  }

  void interrupts(interruption_kind kind) { c.interruptions_.push_back({on, kind}); }

  void record(const std::string& claim_id, debt_component component, money amount) {
    if (c.last_allocation_.capacity() == 0) c.last_allocation_.reserve(4);
    if (!c.last_allocation_.empty()) {
      auto& last = c.last_allocation_.back();
      if (last.component == component && last.claim_id == claim_id) {
        last.amount += amount;
        return;
      }
    }
    c.last_allocation_.push_back({claim_id, component, amount});
  }

  /// Takes up to `limit` minor units from one part of a claim; returns what it took. Amounts
  /// inside a case share its currency and are bounded by its checked grand total, so plain
  /// integer arithmetic is exact here.
  std::int64_t take(claim_balance& balance, claim_part part, std::int64_t limit) {
    const std::int64_t open = balance.open.minor_units(), disputed = balance.disputed.minor_units(),
                       awaiting = balance.awaiting_credit.minor_units();
    const std::int64_t available = part == claim_part::undisputed ? open - disputed - awaiting
                                   : part == claim_part::disputed ? disputed
                                                                  : awaiting;
    const std::int64_t taken = std::min(available, limit);
    if (taken <= 0) return 0;
    balance.open = money(open - taken, c.currency_);
    if (part == claim_part::disputed) balance.disputed = money(disputed - taken, c.currency_);
    if (part == claim_part::awaiting_credit)
      balance.awaiting_credit = money(awaiting - taken, c.currency_);
    if (balance.dispute_open && balance.disputed.is_zero()) balance.dispute_open = false;
    record(balance.invoice.id, debt_component::principal, money(taken, c.currency_));
    return taken;
  }

  void take_from_claim(claim_balance& balance, std::span<const claim_part> order,
                       money& remaining) {
    std::int64_t left = remaining.minor_units();
    for (const auto part : order) {
      if (left == 0) break;
      left -= take(balance, part, left);
    }
    remaining = money(left, c.currency_);
  }

  void take_from_all_claims(std::span<const claim_part> order, money& remaining) {
    std::int64_t left = remaining.minor_units();
    for (const auto part : order)
      for (auto& balance : c.claims_) {
        if (left == 0) break;
        left -= take(balance, part, left);
      }
    remaining = money(left, c.currency_);
  }

  /// Costs, then interest (NL art. 6:44 BW).
  void take_costs_and_interest(money& remaining) {
    const money costs = min(c.costs_due_, remaining);
    if (costs.is_positive()) {
      c.costs_due_ -= costs;
      remaining -= costs;
      record({}, debt_component::costs, costs);
    }
    const money interest = min(c.interest_due_, remaining);
    if (interest.is_positive()) {
      c.interest_due_ -= interest;
      remaining -= interest;
      record({}, debt_component::interest, interest);
    }
  }

  /// A payment: costs, interest, then the designated claims in the debtor's order, then
  /// the rest oldest due first (undisputed parts before held ones).
  void allocate_payment(money amount, std::span<const std::string> designation) {
    c.last_allocation_.clear();
    money remaining = amount;
    take_costs_and_interest(remaining);
    for (const auto& claim_id : designation)
      take_from_claim(*find(claim_id), payment_order, remaining);
    take_from_all_claims(payment_order, remaining);
    c.totals_.paid += amount;
    c.last_settlement_ = case_outcome::paid;
    if (c.open_total().is_positive()) interrupts(interruption_kind::part_payment);
    if (c.promise_) c.promise_->paid_since += amount;
  }

  [[nodiscard]] result check_payment(money amount, std::span<const std::string> designation) const {
    if (auto r = check_amount(amount, "amount")) return r;
    for (const auto& claim_id : designation)
      if (auto r = check_claim(claim_id, "designation")) return r;
    return check_not_above(amount, c.open_total(), "what is open");
  }

  [[nodiscard]] case_state assess() const {
    if (!c.claims_.empty() && c.open_total().is_zero()) return case_state::closed;
    return c.ladder_state_on(on);
  }

  // ---------------------------------------------------------------- events

  result check(const claim_added& x) const {
    const claim& invoice = x.invoice;
    if (invoice.kind != claim_kind::invoice)
      return reject(errc::invalid_event,
                    "claim_added takes invoices; a credit note comes as credit_note_issued");
    if (invoice.id.empty()) return reject(errc::invalid_event, "the claim has no id");
    if (find(invoice.id))
      return reject(errc::duplicate_claim, "the case already holds claim '" + invoice.id + "'");
    if (c.currency_known_ && invoice.amount.currency() != c.currency_)
      return reject(errc::currency_mismatch,
                    "claim '" + invoice.id + "' is in " + to_string(invoice.amount.currency()) +
                        ", the case is in " + std::string(c.currency_.code()));
    if (invoice.amount.currency() == arrears::currency{})
      return reject(errc::invalid_event, "claim '" + invoice.id + "' has no currency");
    if (!invoice.amount.is_positive())
      return reject(errc::invalid_event, "claim '" + invoice.id + "' must have a positive amount");
    if (invoice.vat.currency() != invoice.amount.currency() && !invoice.vat.is_zero())
      return reject(errc::currency_mismatch,
                    "the VAT of claim '" + invoice.id + "' is in another currency");
    if (invoice.vat.minor_units() < 0 || invoice.vat.minor_units() > invoice.amount.minor_units())
      return reject(errc::invalid_event,
                    "the VAT of claim '" + invoice.id + "' must lie between 0 and its amount");
    if (invoice.issue_date.is_special() || invoice.due_date.is_special())
      return reject(errc::invalid_event,
                    "claim '" + invoice.id + "' needs an issue date and a due date");
    if (invoice.due_date < invoice.issue_date)
      return reject(errc::invalid_event, "claim '" + invoice.id + "' is due (" +
                                             to_iso(invoice.due_date) + ") before it was issued (" +
                                             to_iso(invoice.issue_date) + ")");
    if (c.currency_known_) return check_room_for(invoice.amount);
    const money value = c.debtor_.profile.relationship_value;
    if (!value.is_zero() && value.currency() != invoice.amount.currency())
      return reject(errc::currency_mismatch,
                    "claim '" + invoice.id + "' is in " + to_string(invoice.amount.currency()) +
                        ", the debtor's relationship value in " + to_string(value.currency()));
    return {};
  }
  void perform(const claim_added& x) {
    if (!c.currency_known_) {
      c.currency_ = x.invoice.amount.currency();
      c.currency_known_ = true;
      c.rebase_currency();
    }
    claim_balance balance;
    balance.invoice = x.invoice;
    if (balance.invoice.vat.currency() != c.currency_) balance.invoice.vat = zero();
    balance.open = x.invoice.amount;
    balance.disputed = zero();
    balance.awaiting_credit = zero();
    balance.sequence = c.next_claim_sequence_++;
    if (c.claims_.empty()) c.claims_.reserve(4);
    const auto at = std::upper_bound(c.claims_.begin(), c.claims_.end(), balance, collection_order);
    c.claims_.insert(at, std::move(balance));
    c.totals_.invoiced += x.invoice.amount;
  }

  result check(const debtor_updated& x) const {
    const money value = x.debtor.relationship_value;
    if (value.is_negative())
      return reject(errc::invalid_event, "the relationship value must not be negative");
    if (c.currency_known_ && value.currency() != c.currency_ &&
        !(value.is_zero() && value.currency() == arrears::currency{}))
      return reject(errc::currency_mismatch, "the relationship value is in " +
                                                 to_string(value.currency()) + ", the case is in " +
                                                 std::string(c.currency_.code()));
    return {};
  }
  void perform(const debtor_updated& x) {
    c.debtor_.profile = x.debtor;
    if (c.currency_known_ && c.debtor_.profile.relationship_value.currency() != c.currency_)
      c.debtor_.profile.relationship_value = zero();
  }

  [[nodiscard]] bool terms_apply_to(const terms_changed& x, const claim_balance& balance) const {
    if (x.claims.empty()) return balance.open.is_positive();
    return std::find(x.claims.begin(), x.claims.end(), balance.invoice.id) != x.claims.end();
  }
  result check(const terms_changed& x) const {
    if (!is_valid(x.terms))
      return reject(errc::invalid_terms, "terms must be net or eom with 0 to 365 days");
    for (const auto& claim_id : x.claims)
      if (auto r = check_claim(claim_id, "claims")) return r;
    // Compute every new due date now, so that perform() cannot fail halfway (run() turns
    // a date_out_of_range thrown here into a rejection).
    for (const auto& balance : c.claims_)
      if (terms_apply_to(x, balance)) (void)due_date(balance.invoice.issue_date, x.terms);
    return {};
  }
  void perform(const terms_changed& x) {
    auto recompute = [&](claim_balance& balance) {
      balance.invoice.terms = x.terms;
      balance.invoice.due_date = due_date(balance.invoice.issue_date, x.terms);
    };
    if (x.claims.empty()) c.debtor_.profile.terms = x.terms;
    for (auto& balance : c.claims_)
      if (terms_apply_to(x, balance)) recompute(balance);
    std::sort(c.claims_.begin(), c.claims_.end(), collection_order);
    // The schedule restarts from the new due dates: what was sent under the old term no
    // longer counts (calls and the known reason do).
    const int calls_made = c.dunning_.calls_made, calls_reached = c.dunning_.calls_reached;
    const auto last_contact = c.dunning_.last_contact_on;
    c.dunning_ = dunning_record{};
    c.dunning_.clock_restarted_on = on;
    c.dunning_.calls_made = calls_made;
    c.dunning_.calls_reached = calls_reached;
    c.dunning_.last_contact_on = last_contact;
  }

  result check(const payment_received& x) const { return check_payment(x.amount, x.designation); }
  void perform(const payment_received& x) { allocate_payment(x.amount, x.designation); }

  result check(const credit_note_issued& x) const {
    const claim& note = x.credit_note;
    if (note.kind != claim_kind::credit_note)
      return reject(errc::invalid_event, "credit_note_issued needs a claim of kind credit_note");
    if (note.id.empty()) return reject(errc::invalid_event, "the credit note has no id");
    for (const auto& existing : c.credit_notes_)
      if (existing.id == note.id)
        return reject(errc::duplicate_claim,
                      "the case already holds credit note '" + note.id + "'");
    if (auto r = check_amount(note.amount, "amount")) return r;
    if (note.issue_date.is_special() || note.due_date.is_special())
      return reject(errc::invalid_event, "credit note '" + note.id + "' needs an issue date");
    if (!note.vat.is_zero() && note.vat.currency() != note.amount.currency())
      return reject(errc::currency_mismatch,
                    "the VAT of credit note '" + note.id + "' is in another currency");
    if (note.vat.minor_units() < 0 || note.vat.minor_units() > note.amount.minor_units())
      return reject(errc::invalid_event,
                    "the VAT of credit note '" + note.id + "' must lie between 0 and its amount");
    if (x.against.empty())
      return check_not_above(note.amount, c.open_principal(), "the open principal");
    if (auto r = check_claim(x.against, "against")) return r;
    return check_not_above(note.amount, find(x.against)->open,
                           "what is open on claim '" + x.against + "'");
  }
  void perform(const credit_note_issued& x) {
    c.last_allocation_.clear();
    money remaining = x.credit_note.amount;
    if (x.against.empty())
      take_from_all_claims(credit_order, remaining);
    else
      take_from_claim(*find(x.against), credit_order, remaining);
    c.credit_notes_.push_back(x.credit_note);
    c.totals_.credited += x.credit_note.amount;
    c.last_settlement_ = case_outcome::credited;
    if (c.promise_) c.promise_->paid_since += x.credit_note.amount;
  }

  result check(const costs_charged& x) const {
    if (auto r = check_amount(x.amount, "amount")) return r;
    return check_room_for(x.amount);
  }
  void perform(const costs_charged& x) {
    c.costs_due_ += x.amount;
    c.totals_.costs_charged += x.amount;
  }

  result check(const interest_charged& x) const {
    if (auto r = check_amount(x.amount, "amount")) return r;
    if (x.through.is_special()) return reject(errc::invalid_event, "'through' must be a date");
    if (c.interest_through_ && x.through <= *c.interest_through_)
      return reject(errc::invalid_event,
                    "interest was already charged through " + to_iso(*c.interest_through_));
    return check_room_for(x.amount);
  }
  void perform(const interest_charged& x) {
    c.interest_due_ += x.amount;
    c.totals_.interest_charged += x.amount;
    c.interest_through_ = x.through;
  }

  result check(const reminder_sent& x) const {
    if (x.level < 1) return reject(errc::invalid_event, "the reminder level starts at 1");
    return check_dunnable();
  }
  void perform(const reminder_sent& x) {
    ++c.dunning_.reminders_sent;
    if (x.channel != channel::phone) interrupts(interruption_kind::written_reminder);
    c.dunning_.last_reminder_level = x.level;
    c.dunning_.last_reminder_on = on;
    c.dunning_.last_contact_on = on;
    c.contacts_.record(on);
  }

  result check(const call_logged&) const { return {}; }
  void perform(const call_logged& x) {
    ++c.dunning_.calls_made;
    c.contacts_.record(on);
    if (x.reached) {
      ++c.dunning_.calls_reached;
      c.dunning_.last_contact_on = on;
    }
    if (x.reason_learned) c.reason_ = *x.reason_learned;
  }

  result check(const letter_sent& x) const {
    if (!is_dunning(x.kind)) return {};
    if (from == case_state::closed)
      return reject(errc::event_not_allowed, "a closed case sends no dunning letters");
    return check_dunnable();
  }
  void perform(const letter_sent& x) {
    if (is_dunning(x.kind) && x.channel != channel::phone)
      interrupts(interruption_kind::written_reminder);
    if (x.kind == letter_kind::fourteen_day_letter) c.dunning_.fourteen_day_letter_sent_on = on;
    if (x.kind == letter_kind::formal_notice) c.dunning_.formal_notice_sent_on = on;
    c.dunning_.last_contact_on = on;
    c.contacts_.record(on);
    c.letters_sent_on_[static_cast<std::size_t>(x.kind)] = on;
  }

  result check(const reason_recorded&) const { return {}; }
  void perform(const reason_recorded& x) { c.reason_ = x.reason; }

  result check(const dispute_opened& x) const {
    if (auto r = check_claim(x.claim, "claim")) return r;
    const claim_balance& balance = *find(x.claim);
    if (balance.dispute_open)
      return reject(errc::dispute_already_open, "claim '" + x.claim + "' is already in dispute");
    if (auto r = check_amount(x.amount, "amount")) return r;
    return check_not_above(x.amount, balance.undisputed(),
                           "the undisputed part of claim '" + x.claim + "'");
  }
  void perform(const dispute_opened& x) {
    claim_balance& balance = *find(x.claim);
    balance.disputed = x.amount;
    balance.dispute_open = true;
    balance.dispute_opened_on = on;
    balance.category = x.category;
    balance.last_verdict.reset();
    balance.evidence_count = 0;
  }

  result check(const evidence_added& x) const {
    if (auto r = check_claim(x.claim, "claim")) return r;
    if (!find(x.claim)->dispute_open)
      return reject(errc::no_open_dispute, "claim '" + x.claim + "' has no open dispute");
    return {};
  }
  void perform(const evidence_added& x) { ++find(x.claim)->evidence_count; }

  [[nodiscard]] money justified(const dispute_resolved& x) const {
    const claim_balance& balance = *find(x.claim);
    return x.verdict == verdict::valid && x.justified_amount.is_zero() ? balance.disputed
                                                                       : x.justified_amount;
  }
  result check(const dispute_resolved& x) const {
    if (auto r = check_claim(x.claim, "claim")) return r;
    const claim_balance& balance = *find(x.claim);
    if (!balance.dispute_open)
      return reject(errc::no_open_dispute, "claim '" + x.claim + "' has no open dispute");
    const money amount = justified(x);
    if (!amount.is_zero() && amount.currency() != c.currency_)
      return reject(errc::currency_mismatch, "'justified_amount' is not in the case's currency");
    const auto disputed = balance.disputed.minor_units(), granted = amount.minor_units();
    const bool consistent = x.verdict == verdict::valid     ? granted == disputed
                            : x.verdict == verdict::invalid ? granted == 0
                                                            : granted > 0 && granted < disputed;
    if (!consistent)
      return reject(errc::invalid_event,
                    "verdict " + std::string(boost::describe::enum_to_string(x.verdict, "?")) +
                        " needs a justified amount of " +
                        (x.verdict == verdict::valid ? "the whole disputed amount"
                         : x.verdict == verdict::invalid
                             ? "zero"
                             : "more than zero and less than the disputed amount") +
                        " (" + format_amount(balance.disputed) + "), got " + format_amount(amount));
    return {};
  }
  void perform(const dispute_resolved& x) {
    claim_balance& balance = *find(x.claim);
    const money amount = justified(x);
    if (amount.is_positive()) balance.awaiting_credit += amount;
    balance.disputed = zero();
    balance.dispute_open = false;
    balance.last_verdict = x.verdict;
  }

  result check(const promise_made& x) const {
    if (auto r = check_amount(x.amount, "amount")) return r;
    if (x.due.is_special() || x.due < on)
      return reject(errc::invalid_event, "a promise must fall on or after the day it is made");
    if (auto r = check_not_above(x.amount, c.open_total(), "what is open")) return r;
    return check_dunnable();
  }
  void perform(const promise_made& x) {
    c.promise_ = promise_record{x.amount, x.due, on, zero()};
    interrupts(interruption_kind::acknowledgement);
    ++c.counters_.promises_made;
  }

  result check(const promise_broken&) const {
    if (!c.promise_) return reject(errc::invalid_event, "there is no running promise to break");
    return {};
  }
  void perform(const promise_broken&) {
    c.promise_.reset();
    ++c.counters_.promises_broken;
  }

  result check(const arrangement_agreed& x) const {
    if (x.schedule.empty())
      return reject(errc::invalid_event, "an arrangement needs at least one instalment");
    money sum = zero();
    std::optional<date> previous;
    for (std::size_t i = 0; i < x.schedule.size(); ++i) {
      const auto& step = x.schedule[i];
      const std::string where = "instalment " + std::to_string(i + 1);
      if (auto r = check_amount(step.amount, "schedule.amount")) return r;
      if (step.due.is_special() || step.due < on)
        return reject(errc::invalid_event,
                      where + " falls before the day the arrangement is agreed");
      if (previous && step.due <= *previous)
        return reject(errc::invalid_event, where + " is not after the one before it");
      previous = step.due;
      sum += step.amount;
    }
    return check_not_above(sum, c.open_total(), "what is open");
  }
  void perform(const arrangement_agreed& x) {
    c.arrangement_ =
        arrangement_record{x.schedule, std::vector<bool>(x.schedule.size(), false), on, 0};
    ++c.counters_.arrangements_agreed;
    interrupts(interruption_kind::acknowledgement);
  }

  [[nodiscard]] result check_instalment_number(int number) const {
    const auto count = static_cast<int>(c.arrangement_->schedule.size());
    if (number < 1 || number > count)
      return reject(errc::invalid_event, "instalment " + std::to_string(number) +
                                             " does not exist; the arrangement has " +
                                             std::to_string(count));
    return {};
  }
  result check(const instalment_paid& x) const {
    if (auto r = check_instalment_number(x.number)) return r;
    return check_payment(x.amount, {});
  }
  void perform(const instalment_paid& x) {
    c.arrangement_->paid[static_cast<std::size_t>(x.number - 1)] = true;
    allocate_payment(x.amount, {});
  }

  result check(const instalment_missed& x) const { return check_instalment_number(x.number); }
  void perform(const instalment_missed&) {
    ++c.arrangement_->missed;
    ++c.counters_.instalments_missed;
  }

  result check(const arrangement_broken&) const { return {}; }
  void perform(const arrangement_broken&) {
    c.arrangement_.reset();
    ++c.counters_.arrangements_broken;
  }

  result check(const handed_to_agency&) const { return check_dunnable(); }
  void perform(const handed_to_agency& x) { c.agency_ = x.agency; }

  result check(const legal_started&) const { return {}; }
  void perform(const legal_started& x) {
    c.legal_reference_ = x.reference;
    interrupts(interruption_kind::legal_action);
  }

  result check(const written_off& x) const {
    money limit = c.open_total();
    if (!x.claim.empty()) {
      if (auto r = check_claim(x.claim, "claim")) return r;
      limit = find(x.claim)->open;
    }
    if (x.amount) {
      if (auto r = check_amount(*x.amount, "amount")) return r;
      return check_not_above(*x.amount, limit, "what is open");
    }
    if (!limit.is_positive())
      return reject(errc::amount_exceeds_open, "nothing is open to write off");
    return {};
  }
  void perform(const written_off& x) {
    c.last_allocation_.clear();
    money written = zero();
    if (!x.claim.empty()) {
      claim_balance& balance = *find(x.claim);
      written = x.amount.value_or(balance.open);
      money remaining = written;
      take_from_claim(balance, payment_order, remaining);
    } else {
      written = x.amount.value_or(c.open_total());
      money remaining = written;
      take_costs_and_interest(remaining);
      take_from_all_claims(payment_order, remaining);
    }
    c.totals_.written_off += written;
    c.last_settlement_ = outcome_of(x.reason);
    if (x.reason == write_off_reason::goodwill)
      c.debtor_.goodwill_history.push_back(goodwill_grant{on, written, x.claim});
  }

  result check(const marketing_suppressed&) const {
    if (c.debtor_.marketing == marketing_status::suppressed)
      return reject(errc::marketing_state, "marketing is already suppressed");
    return {};
  }
  void perform(const marketing_suppressed&) { c.debtor_.marketing = marketing_status::suppressed; }

  result check(const marketing_reactivated&) const {
    if (c.debtor_.marketing == marketing_status::active)
      return reject(errc::marketing_state, "marketing is already active");
    return {};
  }
  void perform(const marketing_reactivated&) { c.debtor_.marketing = marketing_status::active; }

  result check(const case_closed&) const {
    if (c.claims_.empty()) return reject(errc::invalid_event, "the case holds no claim to close");
    if (!c.open_total().is_zero())
      return reject(errc::case_not_settled,
                    format_amount(c.open_total()) + " is still open; settle or write it off first");
    return {};
  }
  void perform(const case_closed&) {}

  // ---------------------------------------------------------------- the step

  [[nodiscard]] case_state next_state(transition t) const {
    switch (t.kind) {
      case transition_kind::reject:
      case transition_kind::stay:
        return from;
      case transition_kind::reassess:
        return assess();
      case transition_kind::settle:
        return c.open_total().is_zero() ? case_state::closed : from;
      case transition_kind::keep_promise:
        if (c.open_total().is_zero()) return case_state::closed;
        if (c.promise_ && c.promise_->paid_since >= c.promise_->amount) return assess();
        return from;
      case transition_kind::move:
        return t.target;
    }
    return from;
  }

  result run() {
    const transition t = transition_for(from, e.type());
    if (t.kind == transition_kind::reject)
      return reject(errc::event_not_allowed, std::string(event_type_name(e.type())) +
                                                 " is not allowed in state " +
                                                 boost::describe::enum_to_string(from, "?"));
    result refused;
    try {
      refused = std::visit([this](const auto& body) { return check(body); }, e.body);
    } catch (const error& failure) {  // an overflow while checking
      refused = reject(failure.code(), failure.what());
    }
    if (refused) return refused;

    std::visit([this](const auto& body) { perform(body); }, e.body);

    const case_state next = next_state(t);
    if (from == case_state::promised && next != case_state::promised) c.promise_.reset();
    if (from == case_state::in_arrangement && next != case_state::in_arrangement)
      c.arrangement_.reset();
    if (next == case_state::closed && from != case_state::closed) {
      c.outcome_ = c.last_settlement_;
      c.promise_.reset();
      c.arrangement_.reset();
    }
    c.state_ = next;
    c.last_event_on_ = on;
    ++c.event_count_;
    return {};
  }
};

collection_case::collection_case(std::string id, history_policy history)
    : id_(std::move(id)), history_policy_(history) {}

void collection_case::rebase_currency() {
  costs_due_ = money::zero(currency_);
  interest_due_ = money::zero(currency_);
  totals_ = case_totals{money::zero(currency_), money::zero(currency_), money::zero(currency_),
                        money::zero(currency_), money::zero(currency_), money::zero(currency_)};
  if (debtor_.profile.relationship_value.is_zero())
    debtor_.profile.relationship_value = money::zero(currency_);
}

collection_case collection_case::replay(std::string id, std::span<const event> events,
                                        history_policy history) {
  collection_case result(std::move(id), history);
  for (const auto& e : events) result.apply(e);
  return result;
}

std::optional<rejection> collection_case::fold(const event& e) {
  if (e.meta.on.is_special())
    return rejection{errc::invalid_event, state_, e.type(),
                     "case '" + id_ + "', event " + std::to_string(event_count_ + 1) + " (" +
                         event_type_name(e.type()) + "): the event has no date"};
  if (last_event_on_ && e.meta.on < *last_event_on_)
    return rejection{errc::event_out_of_order, state_, e.type(),
                     "case '" + id_ + "', event " + std::to_string(event_count_ + 1) + " (" +
                         to_iso(e.meta.on) + " " + event_type_name(e.type()) +
                         "): dated before the case's latest event (" + to_iso(*last_event_on_) +
                         "); events must come in date order"};
  // A ladder state already says what the balances say on the latest event's date; only a
  // later date can move it.
  const bool advance = is_ladder_state(state_) && (!last_event_on_ || e.meta.on > *last_event_on_);
  const case_state from = advance ? state_on(e.meta.on) : state_;
  return case_applier{*this, e, e.meta.on, from}.run();
}

std::optional<rejection> collection_case::try_apply(const event& e) {
  if (auto refused = fold(e)) return refused;
  if (history_policy_ == history_policy::keep) history_.push_back(e);
  return std::nullopt;
}

std::optional<rejection> collection_case::try_apply(event&& e) {
  if (auto refused = fold(e)) return refused;
  if (history_policy_ == history_policy::keep) history_.push_back(std::move(e));
  return std::nullopt;
}

void collection_case::apply(const event& e) {
  if (auto refused = try_apply(e)) throw transition_error(std::move(*refused));
}

void collection_case::apply(event&& e) {
  if (auto refused = try_apply(std::move(e))) throw transition_error(std::move(*refused));
}

case_state collection_case::state_on(date on) const {
  return is_ladder_state(state_) ? ladder_state_on(on) : state_;
}

case_state collection_case::ladder_state_on(date on) const {
  if (dunnable_on(on).is_positive()) return case_state::overdue;
  for (const auto& balance : claims_)
    if (balance.is_overdue_on(on) && balance.held().is_positive()) return case_state::disputed;
  return case_state::current;
}

const claim_balance* collection_case::find_claim(std::string_view claim_id) const noexcept {
  for (const auto& balance : claims_)
    if (balance.invoice.id == claim_id) return &balance;
  return nullptr;
}

// The sums below add minor units directly: every amount in a case is in its currency and
// bounded by the grand total that check_room_for keeps in range.

money collection_case::open_principal() const {
  std::int64_t sum = 0;
  for (const auto& balance : claims_) sum += balance.open.minor_units();
  return money(sum, currency_);
}

money collection_case::open_total() const {
  return money(
      open_principal().minor_units() + costs_due_.minor_units() + interest_due_.minor_units(),
      currency_);
}

money collection_case::disputed_amount() const {
  std::int64_t sum = 0;
  for (const auto& balance : claims_) sum += balance.disputed.minor_units();
  return money(sum, currency_);
}

money collection_case::held_amount() const {
  std::int64_t sum = 0;
  for (const auto& balance : claims_) sum += balance.held().minor_units();
  return money(sum, currency_);
}

money collection_case::dunnable_on(date on) const { return balances_on(on).dunnable; }

money collection_case::overdue_on(date on) const { return balances_on(on).overdue; }

case_balances collection_case::balances_on(date on) const {
  const std::int64_t charged = costs_due_.minor_units() + interest_due_.minor_units();
  std::int64_t open = 0;
  std::int64_t held = 0;
  std::int64_t overdue = 0;
  std::int64_t dunnable = charged;
  for (const auto& balance : claims_) {
    const std::int64_t on_hold =
        balance.disputed.minor_units() + balance.awaiting_credit.minor_units();
    open += balance.open.minor_units();
    held += on_hold;
    if (on > balance.invoice.due_date) {
      overdue += balance.open.minor_units();
      dunnable += balance.open.minor_units() - on_hold;
    }
  }
  return {money(open, currency_), money(open + charged, currency_), money(held, currency_),
          money(overdue, currency_), money(dunnable, currency_)};
}

bool collection_case::same_state(const collection_case& other) const {
  return id_ == other.id_ && state_ == other.state_ && outcome_ == other.outcome_ &&
         last_settlement_ == other.last_settlement_ && currency_ == other.currency_ &&
         currency_known_ == other.currency_known_ && debtor_ == other.debtor_ &&
         claims_ == other.claims_ && credit_notes_ == other.credit_notes_ &&
         costs_due_ == other.costs_due_ && interest_due_ == other.interest_due_ &&
         interest_through_ == other.interest_through_ && reason_ == other.reason_ &&
         dunning_ == other.dunning_ && contacts_ == other.contacts_ &&
         letters_sent_on_ == other.letters_sent_on_ && promise_ == other.promise_ &&
         arrangement_ == other.arrangement_ && totals_ == other.totals_ &&
         counters_ == other.counters_ && interruptions_ == other.interruptions_ &&
         agency_ == other.agency_ && legal_reference_ == other.legal_reference_ &&
         last_event_on_ == other.last_event_on_ && event_count_ == other.event_count_;
}

}  // namespace arrears
