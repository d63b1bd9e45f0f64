#pragma once
// Why a debtor has not paid (playbook §2). Every case carries one once it is known.

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

enum class reason : std::uint8_t {
  unknown,
  forgot,
  cannot_pay,
  dissatisfied,
  administrative,
  unwilling
};
BOOST_DESCRIBE_ENUM(reason, unknown, forgot, cannot_pay, dissatisfied, administrative, unwilling)

}  // namespace arrears
