#pragma once
// The Dutch law pack: statutory interest under art. 6:119 BW (consumer, "wettelijke rente")
// and art. 6:119a/6:119b BW (commercial, "handelsrente"), both capitalised yearly.

#include <arrears/law/jurisdiction.hpp>

namespace arrears {

/// Netherlands. Interest: the nl-consumer table (6:119) or the nl-commercial table (6:119a),
/// switching on each row date (6:120), capitalised at each anniversary of the first interest
/// day (6:119 lid 2, 6:119a lid 3).
///
/// Interest is computed in src/law/netherlands.cpp; collection costs, default, limitation and the
/// consumer notice in src/law/netherlands_costs.cpp, netherlands_limitation.cpp and
/// netherlands_notice.cpp.
class netherlands final : public jurisdiction {
 public:
  /// Reads its rates from `tables`, which must outlive the pack.
  explicit netherlands(const rate_tables& tables);

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
  [[nodiscard]] bool has_consumer_costs_notice() const noexcept override { return true; }
  [[nodiscard]] std::optional<date> consumer_costs_chargeable_from(date sent_on) const override;

 private:
  /// The rate tables this pack reads; every member definition may use it.
  const rate_tables& tables_;
};

}  // namespace arrears
