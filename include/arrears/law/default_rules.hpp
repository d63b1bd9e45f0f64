#pragma once
// When a debtor is in default (NL verzuim, DE Verzug), per jurisdiction. The packs'
// default_starts() call these; they are free functions so that they can be tested and
// reused without a pack.
//
// Every function reads a default_request (law/notice.hpp) and returns the first day of
// default, or none when the debtor is not (yet) in default, with the rule in `basis`.
// A formal notice sent on or before the due date is ignored (a notice can only put a debtor
// in default once payment is due). All throw error{errc::invalid_argument} for a special
// due date or notice date, or a negative notice term.
//
// Each rule also has a date-only form, *_first_day, for callers that ask for every case on
// every review (the policy engine): the same first day, computed by the same code, with the
// same errors, but without the basis text, so it does not allocate.

#include <arrears/core/date.hpp>
#include <arrears/law/notice.hpp>

#include <optional>
#include <string_view>

namespace arrears {

/// NL. Business and public-body debtors: the day after the due date, without notice
/// (art. 6:119a / 6:119b and 6:96 lid 4 BW). Consumers: the day after the due date when it
/// was agreed as a fatal term (6:83 sub a); otherwise after a written notice of default with
/// a reasonable term (6:82): the first day after the term, which starts the day after the
/// notice's assumed delivery (the 14-day letter's assumption, fourteen_day_letter.hpp) and
/// ends `notice_term_days` later, moved past a weekend or holiday. Otherwise not in default.
[[nodiscard]] default_result dutch_default_starts(const default_request& request);
/// dutch_default_starts(request).first_day, without the basis; does not allocate unless it
/// throws.
[[nodiscard]] std::optional<date> dutch_default_first_day(const default_request& request);

/// DE, § 286 BGB. Any debtor: the day after a due date fixed by the calendar (Abs. 2 Nr. 1;
/// `fatal_term_agreed` says the date was agreed; a date the creditor set alone on the
/// invoice is not enough). After a Mahnung (Abs. 1): the day after its receipt, or, when it
/// grants `notice_term_days` (0: no term), the day after that term; receipt is assumed on
/// the fourth day after posting (by analogy with § 122 Abs. 2 AO / § 41 Abs. 2 VwVfG as
/// amended from 2025; UNVERIFIED for civil law). Non-consumers: at the latest after 30 days
/// from the due date (Abs. 3: after due date and receipt of the invoice, which is taken as
/// received by the due date; the 30 days count from the due date itself). The earliest of
/// these applies. An agreed date or a term's last day on a Saturday or Sunday moves to the
/// Monday (§ 193 BGB); public holidays, which differ by Land, are not modelled. Consumers
/// fall under Abs. 3 only if the invoice pointed it out, which the request cannot say: not
/// modelled.
[[nodiscard]] default_result german_default_starts(const default_request& request);
/// german_default_starts(request).first_day, without the basis; does not allocate unless it
/// throws.
[[nodiscard]] std::optional<date> german_default_first_day(const default_request& request);

/// BE. Business and public-body debtors: the day after the due date, without notice (law of
/// 2 August 2002 art. 5). Consumers (Book XIX WER): after the waiting period that follows the
/// first, free reminder (`formal_notice_sent_on`, taken as a paper reminder), which lasts
/// `notice_term_days` but at least 14 days (belgian_waiting_period.hpp); without a reminder,
/// not in default.
[[nodiscard]] default_result belgian_default_starts(const default_request& request);
/// belgian_default_starts(request).first_day, without the basis; does not allocate unless it
/// throws.
[[nodiscard]] std::optional<date> belgian_default_first_day(const default_request& request);

/// UK and the EU default: the day after the due date, without notice (Late Payment of
/// Commercial Debts (Interest) Act 1998 s. 4; Directive 2011/7/EU art. 3(3)). For a consumer
/// the same day is returned (payment is late from then) with a basis saying the statutory
/// late-payment rules do not apply. `law` names the statute for the basis.
[[nodiscard]] default_result default_after_due_date(const default_request& request,
                                                    std::string_view law);
/// default_after_due_date(request, law).first_day, which is never empty, without the basis
/// (so without `law`); does not allocate unless it throws.
[[nodiscard]] date default_after_due_date_first_day(const default_request& request);

}  // namespace arrears
