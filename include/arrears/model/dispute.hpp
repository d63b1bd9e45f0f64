#pragma once
// Disputes: what the complaint is about and the verdict after truth finding (playbook §3).

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

/// What a complaint is about; the root-cause report groups valid disputes by this.
enum class dispute_category : std::uint8_t {
  wrong_delivery,
  late_delivery,
  damaged,
  incomplete,
  quality,
  not_per_contract,
  staff_conduct,
  invoice_error,
  other
};
BOOST_DESCRIBE_ENUM(dispute_category, wrong_delivery, late_delivery, damaged, incomplete, quality,
                    not_per_contract, staff_conduct, invoice_error, other)

/// The verdict on a disputed claim. `valid`: the whole disputed amount is justified;
/// `partially_valid`: part of it; `invalid`: none of it.
enum class verdict : std::uint8_t { valid, partially_valid, invalid };
BOOST_DESCRIBE_ENUM(verdict, valid, partially_valid, invalid)

}  // namespace arrears
