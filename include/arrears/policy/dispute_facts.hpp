#pragma once
// How the disputes of a case look to a policy: one state and one verdict per case.

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

/// `none`: no claim was ever disputed; `open`: at least one dispute awaits a verdict;
/// `resolved`: disputes were decided and none is open.
enum class dispute_state : std::uint8_t { none, open, resolved };
BOOST_DESCRIBE_ENUM(dispute_state, none, open, resolved)

/// The verdict that still asks for action, over the open claims: `invalid` before
/// `partially_valid` before `valid`; `none` when no open claim has a verdict.
enum class dispute_verdict : std::uint8_t { none, valid, partially_valid, invalid };
BOOST_DESCRIBE_ENUM(dispute_verdict, none, valid, partially_valid, invalid)

}  // namespace arrears
