#pragma once
// The Belgian law pack: late-payment interest under the law of 2 August 2002 (B2B) and the
// Book XIX WER cap for consumers.

#include <arrears/law/jurisdiction.hpp>

namespace arrears {

/// Belgium. Interest: the be-commercial table (ECB rate + 8 points rounded up to the next
/// half point, per semester), simple. Consumer kind: the same table, because Book XIX WER
/// caps consumer late-payment interest at that rate; arrears charges the cap.
///
/// Interest is computed in src/law/belgium.cpp; collection costs, default, limitation and the
/// consumer notice in src/law/belgium_costs.cpp, belgium_limitation.cpp and belgium_notice.cpp.
class belgium final : public jurisdiction {
 public:
  /// Reads its rates from `tables`, which must outlive the pack.
  explicit belgium(const rate_tables& tables);

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
