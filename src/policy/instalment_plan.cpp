// Instalment proposals.

#include <arrears/core/error.hpp>
#include <arrears/policy/instalment_plan.hpp>

#include <algorithm>

namespace arrears {

int instalment_count(money total, money minimum_instalment, int max_count) {
  const int cap = std::max(1, max_count);
  if (!total.is_positive() || !minimum_instalment.is_positive()) return cap;
  // As many as the cap allows while each part stays at least the minimum.
  const std::int64_t affordable = total.minor_units() / minimum_instalment.minor_units();
  return static_cast<int>(std::clamp<std::int64_t>(affordable, 1, cap));
}

void plan_instalments(money total, date first_due, int count, instalment_interval interval,
                      std::vector<instalment>& out) {
  if (count < 1)
    throw error(errc::invalid_argument, "an instalment plan needs at least one instalment");
  if (!total.is_positive())
    throw error(errc::invalid_argument, "an instalment plan needs a positive total");
  if (first_due.is_special())
    throw error(errc::invalid_argument, "an instalment plan needs a first due date");
  out.clear();
  // Never an instalment of nothing: fewer parts when the total has fewer minor units.
  if (count > total.minor_units()) count = static_cast<int>(total.minor_units());
  const std::int64_t part = total.minor_units() / count;
  const std::int64_t left_over = total.minor_units() - part * count;
  for (int i = 0; i < count; ++i) {
    date due = first_due;
    if (interval == instalment_interval::weekly) {
      due = first_due + boost::gregorian::days(7L * i);
    } else {
      // Month arithmetic clamps to the month's last day (31 Jan + 1 month = 28/29 Feb) and,
      // unlike boost's month iterator, never snaps other days to the end of the month.
      const auto ymd = first_due.year_month_day();
      const int months = static_cast<int>(ymd.month) - 1 + i;
      const int year = static_cast<int>(ymd.year) + months / 12;
      const int month = months % 12 + 1;
      const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
          static_cast<unsigned short>(year), static_cast<unsigned short>(month));
      const int day_of_month = std::min<int>(ymd.day, last);
      due = date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                 static_cast<unsigned short>(day_of_month));
    }
    const std::int64_t amount = part + (i == 0 ? left_over : 0);
    out.push_back({due, money(amount, total.currency())});
  }
}

}  // namespace arrears
