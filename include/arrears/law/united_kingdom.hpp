#pragma once
// The UK law pack (England & Wales, Northern Ireland): statutory interest under the Late
// Payment of Commercial Debts (Interest) Act 1998.

#include <arrears/law/jurisdiction.hpp>

namespace arrears {

/// United Kingdom. Interest: Bank Rate (uk-bank-rate table) on the reference day + 8 points,
/// fixed for the whole debt, simple (SI 2002/1675). The reference day is 30 June for interest
/// that starts to run from 1 July to 31 December, and 31 December (of the year before) for
/// interest that starts from 1 January to 30 June. The Act covers business debts only;
/// consumer kind gives the same figure, for a caller who asks for it.
///
/// Interest is computed in src/law/united_kingdom.cpp; collection costs, default, limitation and
/// the consumer notice in src/law/united_kingdom_costs.cpp, united_kingdom_limitation.cpp and
/// united_kingdom_notice.cpp.
class united_kingdom final : public jurisdiction {
 public:
  /// Reads its rates from `tables`, which must outlive the pack.
  explicit united_kingdom(const rate_tables& tables);

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
