#pragma once
// Reading option values the subcommands share: amounts, dates, the currency a jurisdiction
// defaults to. Each throws arrears::error naming the option, so main() prints one line and
// exits 2.

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace arrears::cli {

/// An amount in `in`'s precision; the sign is the caller's business.
[[nodiscard]] inline money parse_amount_option(const char* option, const std::string& text,
                                               currency in) {
  money amount;
  if (!try_parse_amount(text, in, amount))
    throw error(errc::invalid_amount,
                fmt::format("{}: invalid amount '{}': expected a decimal number with at most {} "
                            "decimals for {}",
                            option, text, in.minor_digits(), in.code()));
  return amount;
}

/// A finite decimal number ("0.7", "1e-3", "-2"); the domain is the caller's business.
[[nodiscard]] inline double parse_number_option(const char* option, const std::string& text) {
  double value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || failure != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value))
    throw error(errc::invalid_argument,
                fmt::format("{}: invalid number '{}': expected a decimal number such as 0.25 or "
                            "1e-3",
                            option, text));
  return value;
}

/// A whole number of zero or more, written in digits only ("100000").
[[nodiscard]] inline std::uint64_t parse_count_option(const char* option, const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || failure != std::errc() || end != text.data() + text.size())
    throw error(errc::invalid_argument,
                fmt::format("{}: invalid count '{}': expected a whole number of zero or more, in "
                            "digits",
                            option, text));
  return value;
}

/// A date in YYYY-MM-DD form.
[[nodiscard]] inline date parse_date_option(const char* option, const std::string& text) {
  date out;
  if (!try_parse_date(text, out))
    throw error(errc::invalid_date, fmt::format("{}: invalid date '{}': expected YYYY-MM-DD, a "
                                                "real calendar date",
                                                option, text));
  return out;
}

/// The currency given with --currency, else the jurisdiction's own: GBP for uk, EUR for the rest.
[[nodiscard]] inline currency currency_option(const std::string& given,
                                              std::string_view jurisdiction_code) {
  return currency::from_code(given.empty() ? (jurisdiction_code == "uk" ? "GBP" : "EUR") : given);
}

}  // namespace arrears::cli
