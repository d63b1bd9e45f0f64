#pragma once
// The EU default pack for jurisdictions without their own: Directive 2011/7/EU on late payment
// in commercial transactions.

#include <arrears/law/jurisdiction.hpp>

namespace arrears {

/// European Union (Directive 2011/7/EU), for jurisdictions without a pack. Interest: the
/// ECB main refinancing rate (ecb-mro table) in force on 1 January for the first half-year and
/// on 1 July for the second, + 8 points, simple (art. 2(6), 3(2)). Consumer kind gives the
/// same figure (the Directive covers commercial transactions only).
///
/// Interest is computed in src/law/european_union.cpp; collection costs, default, limitation and
/// the consumer notice in src/law/european_union_costs.cpp, european_union_limitation.cpp and
/// european_union_notice.cpp.
class european_union final : public jurisdiction {
 public:
  /// Reads its rates from `tables`, which must outlive the pack.
  explicit european_union(const rate_tables& tables);

  [[nodiscard]] std::string_view code() const noexcept override;
  [[nodiscard]] std::string_view name() const noexcept override;
  [[nodiscard]] interest_result statutory_interest(const interest_request& request) const override;
  [[nodiscard]] costs_result collection_costs(const costs_request& request) const override;
  [[nodiscard]] default_result default_starts(const default_request& request) const override;
  [[nodiscard]] limitation_result limitation(const limitation_request& request) const override;
  [[nodiscard]] std::optional<fourteen_day_letter> consumer_costs_notice(
      date sent_on) const override;
  [[nodiscard]] allocation_order payment_allocation() const noexcept override;
  [[nodiscard]] date limitation_deadline(const limitation_query& query) const override;
  [[nodiscard]] bool has_limitation_rule() const noexcept override { return false; }
  [[nodiscard]] std::optional<date> default_first_day(
      const default_request& request) const override;
  [[nodiscard]] std::optional<date> consumer_costs_chargeable_from(date sent_on) const override;

 private:
  /// The rate tables this pack reads; every member definition may use it.
  const rate_tables& tables_;
};

}  // namespace arrears
