#pragma once
// The German law pack: Verzugszinsen under § 288 BGB, floating with the Basiszinssatz (§ 247),
// never compounded (§ 289).

#include <arrears/law/jurisdiction.hpp>

namespace arrears {

/// Germany. Interest: Basiszinssatz (de-base table) + 5 points (consumer involved, § 288 Abs. 1)
/// or + 9 points (no consumer involved, § 288 Abs. 2), floating per half-year, simple. Interest
/// that starts before 29 July 2014 belongs to an obligation that arose before that day and so
/// takes the old + 8 points (Art. 229 § 34 EGBGB).
///
/// Interest is computed in src/law/germany.cpp; collection costs, default, limitation and the
/// consumer notice in src/law/germany_costs.cpp, germany_limitation.cpp and germany_notice.cpp.
class germany final : public jurisdiction {
 public:
  /// Reads its rates from `tables`, which must outlive the pack.
  explicit germany(const rate_tables& tables);

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
  [[nodiscard]] std::optional<date> default_first_day(
      const default_request& request) const override;
  [[nodiscard]] std::optional<date> consumer_costs_chargeable_from(date sent_on) const override;

 private:
  /// The rate tables this pack reads; every member definition may use it.
  const rate_tables& tables_;
};

}  // namespace arrears
