#pragma once
// A generator of plausible event sequences for property tests and benchmarks: mostly
// events a case would accept, with a share of wrong ones (unknown claims, amounts above what
// is open, events in the wrong state).

#include <arrears/model/collection_case.hpp>

#include <random>
#include <string>

namespace arrears::testing {

class random_event_source {
 public:
  explicit random_event_source(std::mt19937_64& random) : random_(random) {}

  event next(const collection_case& c) {
    if (uniform(0, 3) == 0) today_ = today_ + days(uniform(0, 12));
    const currency in = currency::from_code("EUR");
    auto amount_up_to = [&](std::int64_t limit) {
      return money(uniform(1, std::max<std::int64_t>(limit, 1)), in);
    };
    const std::int64_t open =
        c.is_closed() || c.claims().empty() ? 10'000 : c.open_total().minor_units();
    // Claims and amounts that sometimes do not fit, so the refusal paths run too.
    auto some_claim = [&]() -> std::string {
      if (c.claims().empty() || uniform(0, 15) == 0) return "NO-SUCH";
      return c
          .claims()[static_cast<std::size_t>(
              uniform(0, static_cast<std::int64_t>(c.claims().size()) - 1))]
          .invoice.id;
    };
    const std::int64_t slack = uniform(0, 10) == 0 ? 2 : 1;
    switch (uniform(0, event_type_count - 1 + 6)) {  // claims and payments are more frequent
      case 0:
      case 26:
      case 27: {
        claim invoice;
        invoice.id = "INV-" + std::to_string(++claims_made_);
        invoice.issue_date = today_;
        invoice.due_date = today_ + days(uniform(0, 45));
        invoice.amount = money(uniform(100, 500'000), in);
        invoice.vat = money(invoice.amount.minor_units() * 21 / 121, in);
        return {today_, claim_added{invoice}};
      }
      case 1: {
        debtor_profile d;
        d.id = "D-1";
        d.name = "Debtor";
        d.kind = static_cast<debtor_kind>(uniform(0, 2));
        d.relationship_value = money(uniform(0, 1'000'000), in);
        return {today_, debtor_updated{d}};
      }
      case 2:
        return {today_, terms_changed{payment_terms{static_cast<terms_basis>(uniform(0, 1)),
                                                    static_cast<int>(uniform(0, 60))},
                                      {}}};
      case 3:
      case 28:
      case 29:
        return {today_, payment_received{amount_up_to(open * slack), {}, ""}};
      case 4: {
        claim note;
        note.id = "CN-" + std::to_string(++notes_made_);
        note.kind = claim_kind::credit_note;
        note.issue_date = note.due_date = today_;
        note.amount = amount_up_to(open / 2);
        note.vat = money::zero(in);
        return {today_, credit_note_issued{note, uniform(0, 1) ? some_claim() : std::string()}};
      }
      case 5:
        return {today_, costs_charged{amount_up_to(15'000), "costs"}};
      case 6:
        return {today_, interest_charged{amount_up_to(5'000), today_ - days(1), "interest"}};
      case 7:
      case 30:
        return {today_, reminder_sent{static_cast<int>(uniform(1, 3)), channel::email}};
      case 8:
        return {today_, call_logged{uniform(0, 1) == 1, static_cast<reason>(uniform(0, 5))}};
      case 9:
        return {today_, letter_sent{static_cast<letter_kind>(uniform(0, 7)), channel::post}};
      case 10:
        return {today_, reason_recorded{static_cast<reason>(uniform(0, 5))}};
      case 11: {
        const std::string id = some_claim();
        const auto* balance = c.find_claim(id);
        const std::int64_t limit = balance ? balance->undisputed().minor_units() : 100;
        return {today_, dispute_opened{id, amount_up_to(limit * slack),
                                       static_cast<dispute_category>(uniform(0, 8))}};
      }
      case 12:
        return {today_, evidence_added{some_claim(), "evidence", "ref"}};
      case 13: {
        const std::string id = some_claim();
        const auto* balance = c.find_claim(id);
        const auto v = static_cast<verdict>(uniform(0, 2));
        money justified = money::zero(in);
        if (balance && v == verdict::valid) justified = balance->disputed;
        if (balance && v == verdict::partially_valid && balance->disputed.minor_units() > 1)
          justified = money(uniform(1, balance->disputed.minor_units() - 1), in);
        return {today_, dispute_resolved{id, v, justified}};
      }
      case 14:
        return {today_, promise_made{amount_up_to(open), today_ + days(uniform(0, 20))}};
      case 15:
        return {today_, promise_broken{}};
      case 16: {
        std::vector<instalment> schedule;
        const int count = static_cast<int>(uniform(1, 4));
        for (int i = 1; i <= count; ++i)
          schedule.push_back(
              {today_ + days(30 * i), money(std::max<std::int64_t>(open / count, 1), in)});
        return {today_, arrangement_agreed{schedule}};
      }
      case 17:
        return {today_, instalment_paid{static_cast<int>(uniform(1, 4)), amount_up_to(open)}};
      case 18:
        return {today_, instalment_missed{static_cast<int>(uniform(1, 4))}};
      case 19:
        return {today_, arrangement_broken{}};
      case 20:
        return {today_, handed_to_agency{"agency"}};
      case 21:
        return {today_, legal_started{"court"}};
      case 22: {
        const auto why = static_cast<write_off_reason>(uniform(0, 2));
        if (uniform(0, 2) == 0) return {today_, written_off{why, "", std::nullopt}};
        return {today_, written_off{why, some_claim(), money(uniform(1, open), in)}};
      }
      case 23:
        return {today_, marketing_suppressed{}};
      case 24:
        return {today_, marketing_reactivated{}};
      default:
        return {today_, case_closed{}};
    }
  }

 private:
  std::int64_t uniform(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }

  std::mt19937_64& random_;
  date today_{2025, 1, 1};
  int claims_made_ = 0;
  int notes_made_ = 0;
};

}  // namespace arrears::testing
