// The rule table's speed beside the same rules hand-written in C++. Targets (DESIGN.md):
// a 12-rule table decides >= 20 million cases per second on one core, and within 2x of the
// hand-written if-statements. Both fill a reused decision with decide_into over the same
// few thousand varied facts, and produce the SAME decisions (checked before timing).

#include <arrears/policy/rule_table.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace arrears;

constexpr const char* twelve_rules = R"(name: bench12
hit_policy: first
currency: EUR
default: {action: none, next_review: 7}
rules:
  - id: closed
    when: state == "closed"
    then: none
  - id: credit_due
    when: credit_due_amount > 0
    then: {action: issue_credit_note, amount: credit_due_amount, letter: credit_note_notice}
    next_review: 3
  - id: dispute_open
    when: dispute_state == "open" and undisputed_amount == 0
    then: investigate_dispute
    next_review: 5
  - id: goodwill
    when: dispute_verdict == "invalid" and relationship_value > disputed_amount * 3 and not goodwill_granted
    then: {action: write_off_goodwill, amount: disputed_amount, letter: goodwill_notice}
    next_review: 1
  - id: promise
    when: promise_active and days_until_promise >= 0
    then: hold
    next_review: days_until_promise + 1
  - id: cannot_pay
    when: reason == "cannot_pay" and not arrangement_active and dunnable_amount > 0
    then: {action: propose_arrangement, channel: post, amount: dunnable_amount, letter: arrangement_proposal}
    next_review: 14
  - id: arrangement_missed
    when: arrangement_active and instalments_missed >= 2
    then: {action: call, channel: phone}
    next_review: 3
  - id: agency
    when: reminders_sent >= 2 and calls_reached >= 1 and days_since_reminder >= 14 and agency_net_recovery > 0
    then: {action: escalate_agency, amount: dunnable_amount + costs_due + interest_due}
    next_review: 30
  - id: fourteen_day_letter
    when: debtor_kind == "consumer" and reminders_sent >= 2 and not fourteen_day_letter_sent
    then: {action: send_fourteen_day_letter, channel: post, letter: fourteen_day_letter, amount: dunnable_amount, deadline: 15}
    next_review: 16
  - id: call
    when: reminders_sent >= 1 and calls_made == 0 and days_since_reminder >= 7
    then: {action: call, channel: phone}
    next_review: 7
  - id: second_reminder
    when: reminders_sent == 1 and days_since_reminder >= 14
    then: {action: remind, channel: email, amount: dunnable_amount, deadline: 7, reminder_level: 2}
    next_review: 7
  - id: first_reminder
    when: days_overdue >= 1 and reminders_sent == 0 and dunnable_amount > 0
    then: {action: remind, channel: email, amount: dunnable_amount, deadline: 14, reminder_level: 1}
    next_review: 14
)";

/// The fact indices the hand-written rules record, looked up once.
struct fact_ids {
  fact_index state, credit_due_amount, dispute_state, undisputed_amount, dispute_verdict,
      relationship_value, disputed_amount, goodwill_granted, promise_active, days_until_promise,
      reason, arrangement_active, dunnable_amount, instalments_missed, reminders_sent,
      calls_reached, days_since_reminder, agency_net_recovery, costs_due, interest_due, debtor_kind,
      fourteen_day_letter_sent, calls_made, days_overdue;
};

const fact_ids& ids() {
  static const fact_ids built = [] {
    auto id = [](const char* name) { return *find_fact(name); };
    return fact_ids{id("state"),
                    id("credit_due_amount"),
                    id("dispute_state"),
                    id("undisputed_amount"),
                    id("dispute_verdict"),
                    id("relationship_value"),
                    id("disputed_amount"),
                    id("goodwill_granted"),
                    id("promise_active"),
                    id("days_until_promise"),
                    id("reason"),
                    id("arrangement_active"),
                    id("dunnable_amount"),
                    id("instalments_missed"),
                    id("reminders_sent"),
                    id("calls_reached"),
                    id("days_since_reminder"),
                    id("agency_net_recovery"),
                    id("costs_due"),
                    id("interest_due"),
                    id("debtor_kind"),
                    id("fourteen_day_letter_sent"),
                    id("calls_made"),
                    id("days_overdue")};
  }();
  return built;
}

/// The same twelve rules as if-statements, filling the decision exactly as the table does:
/// the deciding rule's id, and each fact its `when` and parameters read, in that order, once.
void hand_written(const facts& f, decision& out) {
  static const currency eur = currency::from_code("EUR");
  if (!(f.currency == eur) || f.today.is_special()) throw std::invalid_argument("bad facts");
  const fact_ids& id = ids();
  out.currency = f.currency;
  auto reason = [&](const char* rule) -> decision_reason& { return out.add_reason(rule); };
  auto read = [](decision_reason& r, fact_index index, std::int64_t value) {
    r.facts.push_back({index, value});
  };
  auto money_of = [&](std::int64_t units) { return money(units, f.currency); };
  const auto units = [](money m) { return m.minor_units(); };

  if (f.state == case_state::closed) {
    out.kind = action::none;
    read(reason("closed"), id.state, static_cast<std::int64_t>(f.state));
    return;
  }
  if (units(f.credit_due_amount) > 0) {
    out.kind = action::issue_credit_note;
    out.parameters.amount = f.credit_due_amount;
    out.parameters.letter = letter_kind::credit_note_notice;
    out.next_review = f.today + days(3);
    read(reason("credit_due"), id.credit_due_amount, units(f.credit_due_amount));
    return;
  }
  if (f.dispute_state == dispute_state::open && units(f.undisputed_amount) == 0) {
    out.kind = action::investigate_dispute;
    out.next_review = f.today + days(5);
    decision_reason& r = reason("dispute_open");
    read(r, id.dispute_state, static_cast<std::int64_t>(f.dispute_state));
    read(r, id.undisputed_amount, units(f.undisputed_amount));
    return;
  }
  if (f.dispute_verdict == dispute_verdict::invalid &&
      units(f.relationship_value) > units(f.disputed_amount) * 3 && !f.goodwill_granted) {
    out.kind = action::write_off_goodwill;
    out.parameters.amount = f.disputed_amount;
    out.parameters.letter = letter_kind::goodwill_notice;
    out.next_review = f.today + days(1);
    decision_reason& r = reason("goodwill");
    read(r, id.dispute_verdict, static_cast<std::int64_t>(f.dispute_verdict));
    read(r, id.relationship_value, units(f.relationship_value));
    read(r, id.disputed_amount, units(f.disputed_amount));
    read(r, id.goodwill_granted, f.goodwill_granted);
    return;
  }
  if (f.promise_active && f.days_until_promise >= 0) {
    out.kind = action::hold;
    out.next_review = f.today + days(f.days_until_promise + 1);
    decision_reason& r = reason("promise");
    read(r, id.promise_active, f.promise_active);
    read(r, id.days_until_promise, f.days_until_promise);
    return;
  }
  if (f.reason == reason::cannot_pay && !f.arrangement_active && units(f.dunnable_amount) > 0) {
    out.kind = action::propose_arrangement;
    out.parameters.channel = channel::post;
    out.parameters.amount = f.dunnable_amount;
    out.parameters.letter = letter_kind::arrangement_proposal;
    out.next_review = f.today + days(14);
    decision_reason& r = reason("cannot_pay");
    read(r, id.reason, static_cast<std::int64_t>(f.reason));
    read(r, id.arrangement_active, f.arrangement_active);
    read(r, id.dunnable_amount, units(f.dunnable_amount));
    return;
  }
  if (f.arrangement_active && f.instalments_missed >= 2) {
    out.kind = action::call;
    out.parameters.channel = channel::phone;
    out.next_review = f.today + days(3);
    decision_reason& r = reason("arrangement_missed");
    read(r, id.arrangement_active, f.arrangement_active);
    read(r, id.instalments_missed, f.instalments_missed);
    return;
  }
  if (f.reminders_sent >= 2 && f.calls_reached >= 1 && f.days_since_reminder >= 14 &&
      units(f.agency_net_recovery) > 0) {
    out.kind = action::escalate_agency;
    out.parameters.amount =
        money_of(units(f.dunnable_amount) + units(f.costs_due) + units(f.interest_due));
    out.next_review = f.today + days(30);
    decision_reason& r = reason("agency");
    read(r, id.reminders_sent, f.reminders_sent);
    read(r, id.calls_reached, f.calls_reached);
    read(r, id.days_since_reminder, f.days_since_reminder);
    read(r, id.agency_net_recovery, units(f.agency_net_recovery));
    read(r, id.dunnable_amount, units(f.dunnable_amount));
    read(r, id.costs_due, units(f.costs_due));
    read(r, id.interest_due, units(f.interest_due));
    return;
  }
  if (f.debtor_kind == debtor_kind::consumer && f.reminders_sent >= 2 &&
      !f.fourteen_day_letter_sent) {
    out.kind = action::send_fourteen_day_letter;
    out.parameters.channel = channel::post;
    out.parameters.letter = letter_kind::fourteen_day_letter;
    out.parameters.amount = f.dunnable_amount;
    out.parameters.deadline = f.today + days(15);
    out.next_review = f.today + days(16);
    decision_reason& r = reason("fourteen_day_letter");
    read(r, id.debtor_kind, static_cast<std::int64_t>(f.debtor_kind));
    read(r, id.reminders_sent, f.reminders_sent);
    read(r, id.fourteen_day_letter_sent, f.fourteen_day_letter_sent);
    read(r, id.dunnable_amount, units(f.dunnable_amount));
    return;
  }
  if (f.reminders_sent >= 1 && f.calls_made == 0 && f.days_since_reminder >= 7) {
    out.kind = action::call;
    out.parameters.channel = channel::phone;
    out.next_review = f.today + days(7);
    decision_reason& r = reason("call");
    read(r, id.reminders_sent, f.reminders_sent);
    read(r, id.calls_made, f.calls_made);
    read(r, id.days_since_reminder, f.days_since_reminder);
    return;
  }
  if (f.reminders_sent == 1 && f.days_since_reminder >= 14) {
    out.kind = action::remind;
    out.parameters.channel = channel::email;
    out.parameters.amount = f.dunnable_amount;
    out.parameters.deadline = f.today + days(7);
    out.parameters.reminder_level = 2;
    out.next_review = f.today + days(7);
    decision_reason& r = reason("second_reminder");
    read(r, id.reminders_sent, f.reminders_sent);
    read(r, id.days_since_reminder, f.days_since_reminder);
    read(r, id.dunnable_amount, units(f.dunnable_amount));
    return;
  }
  if (f.days_overdue >= 1 && f.reminders_sent == 0 && units(f.dunnable_amount) > 0) {
    out.kind = action::remind;
    out.parameters.channel = channel::email;
    out.parameters.amount = f.dunnable_amount;
    out.parameters.deadline = f.today + days(14);
    out.parameters.reminder_level = 1;
    out.next_review = f.today + days(14);
    decision_reason& r = reason("first_reminder");
    read(r, id.days_overdue, f.days_overdue);
    read(r, id.reminders_sent, f.reminders_sent);
    read(r, id.dunnable_amount, units(f.dunnable_amount));
    return;
  }
  out.kind = action::none;
  out.next_review = f.today + days(7);
  (void)reason("default");
}

/// A portfolio's worth of varied cases: every rule fires for some of them.
std::vector<facts> portfolio(std::size_t count) {
  std::mt19937 random(2025);
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(random) < percent;
  };
  auto between = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const currency eur = currency::from_code("EUR");
  auto euros = [&](std::int64_t cents) { return money(cents, eur); };
  std::vector<facts> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    facts f;
    f.case_id = "C-bench";
    f.today = date(2025, 6, 2) + days(between(0, 60));
    f.currency = eur;
    f.state = chance(3) ? case_state::closed : case_state::overdue;
    const std::int64_t open = between(1, 500'000);
    f.open_amount = euros(open);
    f.overdue_amount = euros(open);
    f.days_overdue = between(0, 120);
    f.credit_due_amount = euros(chance(4) ? between(100, 10'000) : 0);
    f.dispute_state = chance(10)  ? dispute_state::open
                      : chance(5) ? dispute_state::resolved
                                  : dispute_state::none;
    f.disputed_amount =
        euros(f.dispute_state == dispute_state::none ? 0 : between(0, static_cast<int>(open)));
    f.undisputed_amount = euros(chance(50) && f.dispute_state == dispute_state::open
                                    ? 0
                                    : open - f.disputed_amount.minor_units());
    f.dispute_verdict = f.dispute_state == dispute_state::resolved && chance(60)
                            ? dispute_verdict::invalid
                            : dispute_verdict::none;
    f.relationship_value = euros(between(0, 2'000'000));
    f.goodwill_granted = chance(30);
    f.promise_active = chance(8);
    f.days_until_promise = f.promise_active ? between(-5, 20) : never_days;
    f.reason = chance(10) ? reason::cannot_pay : chance(40) ? reason::forgot : reason::unknown;
    f.arrangement_active = chance(8);
    f.instalments_missed = f.arrangement_active ? between(0, 3) : 0;
    f.reminders_sent = between(0, 3);
    f.days_since_reminder = f.reminders_sent == 0 ? never_days : between(0, 40);
    f.calls_made = between(0, 2);
    f.calls_reached = between(0, f.calls_made);
    f.dunnable_amount = chance(5) ? euros(0) : f.undisputed_amount;
    f.costs_due = euros(chance(30) ? between(0, 40'000) : 0);
    f.interest_due = euros(chance(30) ? between(0, 10'000) : 0);
    f.agency_net_recovery = euros(between(-50'000, 200'000));
    f.debtor_kind = chance(40) ? debtor_kind::consumer : debtor_kind::business;
    f.fourteen_day_letter_sent = chance(30);
    out.push_back(f);
  }
  return out;
}

/// The portfolio every benchmark walks: 4,096 cases (1.4 MB of facts, more than L2), and its
/// first 64 (22 KB, in L1: the facts of a case just derived, as in a daily run).
const std::vector<facts>& cases() {
  static const std::vector<facts> built = portfolio(4096);
  return built;
}

const rule_table& table() {
  static const rule_table built = rule_table::parse(twelve_rules, "bench12.yaml");
  return built;
}

/// The rule table and the hand-written rules must agree on every case, or the comparison
/// means nothing. Also reports how often each rule decides, to show the mix is varied.
bool same_decisions() {
  static const bool same = [] {
    decision a;
    decision b;
    for (const facts& f : cases()) {
      a.clear();
      b.clear();
      table().decide_into(f, a);
      hand_written(f, b);
      if (!(a == b)) {
        std::fprintf(stderr, "decisions differ: rule table '%s', hand-written '%s'\n",
                     a.reasons.empty() ? "" : a.reasons[0].rule.c_str(),
                     b.reasons.empty() ? "" : b.reasons[0].rule.c_str());
        return false;
      }
    }
    return true;
  }();
  return same;
}

/// The measured loop, the same for every contender: a reused decision, cleared and filled
/// by `fill(facts, decision)` for case after case of the portfolio.
template <class Fill>
void fill_each_case(benchmark::State& state, Fill fill) {
  const std::vector<facts>& all = cases();
  const auto mask = static_cast<std::size_t>(state.range(0)) - 1;
  decision out;
  std::size_t i = 0;
  for (auto _ : state) {
    out.clear();
    fill(all[i], out);
    benchmark::DoNotOptimize(out);
    i = (i + 1) & mask;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_rule_table_decide_into(benchmark::State& state) {
  if (!same_decisions()) state.SkipWithError("the rule table and the hand-written rules differ");
  const rule_table& rules = table();
  fill_each_case(state, [&](const facts& f, decision& out) { rules.decide_into(f, out); });
}
BENCHMARK(BM_rule_table_decide_into)->Arg(4096)->Arg(64);

void BM_hand_written_decide_into(benchmark::State& state) {
  if (!same_decisions()) state.SkipWithError("the rule table and the hand-written rules differ");
  fill_each_case(state, hand_written);
}
BENCHMARK(BM_hand_written_decide_into)->Arg(4096)->Arg(64);

/// The floor under both: only what every policy does to a reused decision for one typical
/// case (clear it, name the rule, record three facts, set an action, an amount and two
/// dates), without choosing anything.
void BM_decision_bookkeeping_only(benchmark::State& state) {
  const fact_ids& id = ids();
  fill_each_case(state, [&](const facts& f, decision& out) {
    out.kind = action::remind;
    out.currency = f.currency;
    out.parameters.amount = f.dunnable_amount;
    out.parameters.deadline = f.today + days(14);
    out.next_review = f.today + days(14);
    decision_reason& r = out.add_reason("first_reminder");
    r.facts.push_back({id.days_overdue, f.days_overdue});
    r.facts.push_back({id.reminders_sent, f.reminders_sent});
    r.facts.push_back({id.dunnable_amount, f.dunnable_amount.minor_units()});
  });
}
BENCHMARK(BM_decision_bookkeeping_only)->Arg(4096)->Arg(64);

/// decide() with a fresh decision each time: what a caller that does not reuse pays.
void BM_rule_table_decide(benchmark::State& state) {
  const std::vector<facts>& all = cases();
  const rule_table& rules = table();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rules.decide(all[i]));
    i = (i + 1) & (all.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_rule_table_decide);

/// Loading: reading, checking and compiling the 12-rule table.
void BM_rule_table_parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rule_table::parse(twelve_rules, "bench12.yaml"));
}
BENCHMARK(BM_rule_table_parse);

}  // namespace

BENCHMARK_MAIN();
