#pragma once
// How arrears reaches a debtor: the channel of a reminder, call or letter.

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

/// A contact channel. `registered_post` is the channel for letters that must be provably
/// delivered (a formal notice, or an arrangement confirmation in a costly dispute).
enum class channel : std::uint8_t { email, post, registered_post, phone, sms, portal };
BOOST_DESCRIBE_ENUM(channel, email, post, registered_post, phone, sms, portal)

}  // namespace arrears
