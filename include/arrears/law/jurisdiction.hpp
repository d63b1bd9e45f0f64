#pragma once
// One interface over the law packs (nl, de, be, uk, eu): interest, costs, default, notices,
// limitation. Packs are immutable after construction and safe to share between threads.

#include <arrears/core/date.hpp>
#include <arrears/law/allocation_order.hpp>
#include <arrears/law/collection_costs.hpp>
#include <arrears/law/interest.hpp>
#include <arrears/law/limitation.hpp>
#include <arrears/law/notice.hpp>
#include <arrears/law/rate_tables.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace arrears {

class jurisdiction {
 public:
  virtual ~jurisdiction() = default;

  /// "nl", "de", "be", "uk", "eu".
  [[nodiscard]] virtual std::string_view code() const noexcept = 0;
  [[nodiscard]] virtual std::string_view name() const noexcept = 0;

  /// Statutory interest over the request's period, split at rate changes, capitalisation
  /// dates (NL) and payments. Throws error{errc::date_out_of_range} when a rate table does
  /// not cover a day, error{errc::invalid_argument} for an impossible request (until before
  /// first_day, negative principal, payments out of order or outside the period).
  [[nodiscard]] virtual interest_result statutory_interest(const interest_request& request) const = 0;

  /// Extrajudicial collection costs for the claims dunned together.
  [[nodiscard]] virtual costs_result collection_costs(const costs_request& request) const = 0;

  /// When default starts (interest and B2B costs run from its first day).
  [[nodiscard]] virtual default_result default_starts(const default_request& request) const = 0;

  /// The limitation deadline, interruptions applied.
  [[nodiscard]] virtual limitation_result limitation(const limitation_request& request) const = 0;

  /// How a payment is applied to costs, interest and principal, and across claims.
  [[nodiscard]] virtual allocation_order payment_allocation() const noexcept = 0;

  /// The letter that must precede collection costs for a consumer, where the law has one
  /// (NL 14-day letter); empty for packs without such a rule.
  [[nodiscard]] virtual std::optional<fourteen_day_letter> consumer_costs_notice(date sent_on) const = 0;

  // The questions a policy asks for every case on every review, answered without the basis
  // text, so without allocating in the built-in packs. Each gives what the full call above
  // gives (the defaults call it; the packs override them).

  /// Whether limitation() answers at all: the EU default pack has no limitation rule
  /// (limitation is national law) and throws instead.
  [[nodiscard]] virtual bool has_limitation_rule() const noexcept { return true; }
  /// limitation(...).deadline. Throws as limitation() does.
  [[nodiscard]] virtual date limitation_deadline(const limitation_query& query) const;
  /// default_starts(request).first_day.
  [[nodiscard]] virtual std::optional<date> default_first_day(const default_request& request) const;
  /// Whether consumer_costs_notice() gives a notice (NL: the 14-day letter; BE: the waiting
  /// period after the first reminder): a consumer then owes costs only after it.
  [[nodiscard]] virtual bool has_consumer_costs_notice() const noexcept { return false; }
  /// consumer_costs_notice(sent_on)->costs_chargeable_from; empty without such a notice.
  [[nodiscard]] virtual std::optional<date> consumer_costs_chargeable_from(date sent_on) const;
};

/// The pack for a code, reading rates from `tables` (which must outlive it). Throws
/// error{errc::invalid_argument} for an unknown code, naming the known ones.
[[nodiscard]] std::unique_ptr<jurisdiction> make_jurisdiction(std::string_view code,
                                                              const rate_tables& tables = rate_tables::builtin());

}  // namespace arrears
