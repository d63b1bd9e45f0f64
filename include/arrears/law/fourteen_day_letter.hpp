#pragma once
// The Dutch 14-day letter (veertiendagenbrief, art. 6:96 lid 6 BW): when a letter posted on
// a day is assumed delivered, when its term ends, and from when a consumer owes collection
// costs. The same delivery assumption dates a consumer's notice of default (6:82 BW).
//
// Assumptions, each on the creditor's safe side (a letter that names a term ending too early
// has no effect, and a new letter is needed: HR 25-11-2016, ECLI:NL:HR:2016:2704):
// - Delivery: the second day after posting, not counting Sundays, Mondays and Dutch public
//   holidays, the presumption courts apply in default judgments (law-facts §2.5, citing
//   bvvb.nl and ikbendrentsondernemer.nl). Good Friday counts as a holiday here
//   (dutch_calendar's default), which can only make the assumed delivery later.
// - Term: fourteen days starting the day after delivery (HR 25-11-2016), so the last day is
//   delivery + 14.
// - Weekends and holidays: a last day on a Saturday, Sunday or public holiday moves to the
//   next business day, as the Algemene termijnenwet (art. 1) does for statutory terms.
//   Whether the Atw reaches this term is UNVERIFIED; extending is the safe reading.

#include <arrears/core/date.hpp>
#include <arrears/law/notice.hpp>

#include <optional>

namespace arrears {

/// The day a letter posted on `sent_on` is assumed delivered in the Netherlands: the second
/// day after `sent_on` that is not a Sunday, a Monday or a public holiday. Thursday's letter
/// arrives on Saturday, Friday's on Tuesday.
/// Throws error{errc::invalid_argument} for a special date.
[[nodiscard]] date dutch_assumed_delivery(date sent_on);

/// The last day of a term of `term_days` days that starts the day after `delivered_on`:
/// `delivered_on` + `term_days`, moved to the next Dutch business day when it falls on a
/// Saturday, Sunday or public holiday.
/// Throws error{errc::invalid_argument} for a special date or a negative `term_days`.
[[nodiscard]] date dutch_term_end(date delivered_on, int term_days);

/// The 14-day letter posted on `sent_on`: assumed delivery, the term's last day and the first
/// day collection costs may be charged (the day after the term), with the basis in words.
/// Throws error{errc::invalid_argument} for a special date.
[[nodiscard]] fourteen_day_letter dutch_fourteen_day_letter(date sent_on);

/// dutch_fourteen_day_letter(sent_on).costs_chargeable_from, computed by the same code
/// without the basis text, so it does not allocate unless it throws (as
/// dutch_fourteen_day_letter does).
[[nodiscard]] date dutch_costs_chargeable_from(date sent_on);

/// Whether a 14-day letter posted on `sent_on` can make a consumer owe collection costs as
/// far as its timing goes: art. 6:96 lid 6 BW requires it to be sent after default has set
/// in, so `default_first_day` must be known and not after `sent_on` (a letter sent on the
/// first day of default counts). The letter's content is not checked here.
/// Throws error{errc::invalid_argument} for a special `sent_on`.
[[nodiscard]] bool fourteen_day_letter_valid_for_consumer(date sent_on,
                                                          std::optional<date> default_first_day);

}  // namespace arrears
