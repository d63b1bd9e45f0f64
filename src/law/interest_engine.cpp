// The statutory-interest engine shared by the law packs (include/arrears/law/interest_engine.hpp).

#include <arrears/core/error.hpp>
#include <arrears/law/interest_engine.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace arrears {
namespace {

[[noreturn]] void invalid(const std::string& message) {
  throw error(errc::invalid_argument, "statutory interest: " + message);
}

bool is_leap(int year) {
  return boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(year));
}

/// anniversary_in with the anchor already split into year, month and day (splitting a date
/// costs divisions, and the engine asks for every anniversary of one anchor).
date anniversary_of(const date::ymd_type& anchor, int year) {
  if (year > 9999) return date(boost::date_time::pos_infin);  // past every calendar date
  if (anchor.month == 2 && anchor.day == 29 && !is_leap(year))
    return date(static_cast<unsigned short>(year), 2, 28);
  return date(static_cast<unsigned short>(year), anchor.month, anchor.day);
}

/// a + b, or error{errc::overflow}.
std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum))
    throw error(errc::overflow, "statutory interest: an amount left the int64 range");
  return sum;
}

/// The running balances, in minor units of the request's currency. The loop below works on
/// plain integers (every amount is in one currency, checked by validation) and builds money
/// values only for the result: keeping money temporaries in the loop cost half the time in
/// store-forwarding stalls (docs/benchmarks.md, "Statutory interest").
struct balances {
  std::int64_t principal = 0;  ///< with capitalised interest
  std::int64_t interest = 0;   ///< accrued, neither paid nor capitalised
  std::int64_t costs = 0;
};

/// Applies a payment in the order of art. 6:44 BW: costs, then interest accrued and unpaid,
/// then principal (which includes capitalised interest).
payment_allocation allocate(const interest_payment& payment, balances& owed) {
  std::int64_t left = payment.amount.minor_units();
  auto take = [&left](std::int64_t& owing) {
    const std::int64_t part = std::min(left, owing);
    owing -= part;
    left -= part;
    return part;
  };
  const currency in = payment.amount.currency();
  const std::int64_t to_costs = take(owed.costs);
  const std::int64_t to_interest = take(owed.interest);
  const std::int64_t to_principal = take(owed.principal);
  if (left > 0)
    invalid("the payment of " + format_amount(payment.amount) + " on " + to_iso(payment.on) +
            " exceeds what is outstanding that day (" +
            format_amount(money(payment.amount.minor_units() - left, in)) +
            ": costs, interest and principal)");
  return {payment.on, payment.amount, money(to_costs, in), money(to_interest, in),
          money(to_principal, in)};
}

}  // namespace

void validate_interest_request(const interest_request& request) {
  if (request.first_day.is_special()) invalid("first_day is not a date");
  if (request.until.is_special()) invalid("until is not a date");
  if (request.until < request.first_day)
    invalid("until (" + to_iso(request.until) + ") is before first_day (" +
            to_iso(request.first_day) + "); both are inclusive interest days");
  if (request.principal.is_negative())
    invalid("the principal must not be negative, got " + format_amount(request.principal));
  const currency in = request.principal.currency();
  if (request.costs.is_negative())
    invalid("the costs must not be negative, got " + format_amount(request.costs));
  if (!request.costs.is_zero() && request.costs.currency() != in)
    throw error(errc::currency_mismatch, "statutory interest: costs in " +
                                             to_string(request.costs.currency()) +
                                             " but the principal is in " + std::string(in.code()));
  for (std::size_t i = 0; i < request.payments.size(); ++i) {
    const interest_payment& payment = request.payments[i];
    // Built only on failure: validation runs on every calculation.
    auto which = [&] {
      return "payment " + std::to_string(i + 1) + " (" + to_iso(payment.on) + ", " +
             format_amount(payment.amount) + ")";
    };
    if (payment.amount.currency() != in)
      throw error(errc::currency_mismatch, "statutory interest: " + which() + " is in " +
                                               to_string(payment.amount.currency()) +
                                               " but the principal is in " +
                                               std::string(in.code()));
    if (!payment.amount.is_positive()) invalid(which() + ": the amount must be positive");
    if (payment.on.is_special()) invalid("payment " + std::to_string(i + 1) + " has no date");
    if (payment.on < request.first_day || payment.on > request.until)
      invalid(which() + " is outside the interest period " + to_iso(request.first_day) + " to " +
              to_iso(request.until));
    if (i > 0 && payment.on < request.payments[i - 1].on)
      invalid(which() + " is earlier than the payment before it (" +
              to_iso(request.payments[i - 1].on) + "); give payments in date order");
  }
}

date anniversary_in(date anchor, int year) { return anniversary_of(anchor.year_month_day(), year); }

date half_year_start(date on) { return date(on.year(), on.month() <= 6 ? 1 : 7, 1); }

rate_schedule table_schedule(const rate_table& table, rate margin, date first_day, date until) {
  const rate_entry& first = table.in_force_on(first_day);
  const rate_entry& last = table.in_force_on(until);  // throws when the table stops earlier
  // Rows are contiguous: from the row in force on first_day through the one in force on until.
  const rate_entry* const begin = &first;
  const rate_entry* const end = &last + 1;
  rate_schedule schedule;
  schedule.reserve(static_cast<std::size_t>(end - begin));
  schedule.push_back({first_day, first.annual + margin, first.verified});
  for (const rate_entry* row = begin + 1; row != end; ++row)
    schedule.push_back({row->effective_from, row->annual + margin, row->verified});
  return schedule;
}

interest_result accrue_interest(const interest_request& request,
                                std::span<const rate_step> schedule, const interest_rules& rules) {
  validate_interest_request(request);
  if (schedule.empty()) invalid("no rate schedule");
  if (schedule.front().from > request.first_day)
    invalid("the rate schedule starts on " + to_iso(schedule.front().from) +
            ", after the first interest day " + to_iso(request.first_day));
  for (std::size_t i = 1; i < schedule.size(); ++i)
    if (schedule[i].from <= schedule[i - 1].from)
      invalid("the rate schedule is not in strictly increasing date order at " +
              to_iso(schedule[i].from));

  const currency in = request.principal.currency();
  const bool actual_actual = request.basis == day_count::actual_actual;

  interest_result result;
  result.segments.reserve(schedule.size() + request.payments.size() + 4);
  result.allocations.reserve(request.payments.size());

  balances owed{request.principal.minor_units(), 0, request.costs.minor_units()};
  std::int64_t total = 0;
  std::int64_t capitalised = 0;

  // The step in force on `day`: schedules are short, and days only move forward.
  std::size_t step = 0;
  std::size_t next_payment = 0;
  const date::ymd_type anchor = request.first_day.year_month_day();
  int years_done = 0;  // anniversaries passed
  date next_anniversary = rules.capitalise_yearly ? anniversary_of(anchor, anchor.year + 1)
                                                  : date(boost::date_time::pos_infin);

  date day = request.first_day;
  for (;;) {
    while (step + 1 < schedule.size() && schedule[step + 1].from <= day) ++step;

    // The segment runs through the earliest of: the day before the next rate step, the day
    // before the next anniversary, the next payment day, 31 December (actual/actual), until.
    date last = request.until;
    if (step + 1 < schedule.size()) last = std::min(last, schedule[step + 1].from - days(1));
    if (rules.capitalise_yearly) last = std::min(last, next_anniversary - days(1));
    if (next_payment < request.payments.size())
      last = std::min(last, request.payments[next_payment].on);
    if (actual_actual) last = std::min(last, date(day.year(), 12, 31));

    const long segment_days = (last - day).days() + 1;
    if (owed.principal != 0) {
      const long year_days = actual_actual && is_leap(day.year()) ? 366 : 365;
      // simple_interest (core/rate.hpp) on minor units: base x ppm x days / (10^6 x year).
      const std::int64_t accrued =
          mul_div_round_half_up(owed.principal, schedule[step].annual.ppm(), segment_days,
                                std::int64_t{1'000'000} * year_days);
      // Filled in place: building the segment first and copying it stalls the same way.
      interest_segment& segment = result.segments.emplace_back();
      segment.from = day;
      segment.to = last;
      segment.days = segment_days;
      segment.annual = schedule[step].annual;
      segment.base = money(owed.principal, in);
      segment.interest = money(accrued, in);
      segment.rate_verified = schedule[step].verified;
      owed.interest = add(owed.interest, accrued);
      total = add(total, accrued);
    }

    // Payments on `last` count after that day's interest.
    while (next_payment < request.payments.size() && request.payments[next_payment].on == last) {
      result.allocations.push_back(allocate(request.payments[next_payment], owed));
      ++next_payment;
    }

    if (last == request.until) break;  // also keeps clear of the last representable date
    day = last + days(1);
    if (rules.capitalise_yearly && day == next_anniversary) {
      // "Telkens na afloop van een jaar": the year's unpaid interest joins the base.
      owed.principal = add(owed.principal, owed.interest);
      capitalised = add(capitalised, owed.interest);
      owed.interest = 0;
      ++years_done;
      next_anniversary = anniversary_of(anchor, anchor.year + years_done + 1);
    }
  }

  result.total = money(total, in);
  result.capitalised = money(capitalised, in);
  result.interest_outstanding = money(owed.interest, in);
  result.principal_outstanding = money(owed.principal, in);
  result.costs_outstanding = money(owed.costs, in);
  return result;
}

}  // namespace arrears
