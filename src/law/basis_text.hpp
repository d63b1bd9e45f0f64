#pragma once
// Text pieces for the `basis` of law results: amounts with thousands separators and exact
// fractions, percentages without trailing zeros. Private to src/law.

#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>

#include <cstdint>
#include <string>

namespace arrears::detail {

/// Groups the integer digits of a plain decimal text by thousands: "1234567.89" becomes
/// "1,234,567.89". The text has an optional '-' and a '.' or no fraction.
[[nodiscard]] inline std::string group_thousands(const std::string& plain) {
  const std::size_t sign = !plain.empty() && plain.front() == '-' ? 1 : 0;
  const std::size_t point = plain.find('.');
  const std::size_t integer_end = point == std::string::npos ? plain.size() : point;
  std::string grouped = plain.substr(0, sign);
  for (std::size_t i = sign; i < integer_end; ++i) {
    if (i > sign && (integer_end - i) % 3 == 0) grouped += ',';
    grouped += plain[i];
  }
  return grouped + plain.substr(integer_end);
}

/// "3,000.00": the amount in its currency's precision, grouped, without the currency code.
[[nodiscard]] inline std::string amount_text(money amount) {
  return group_thousands(format_amount(amount));
}

/// An exact amount given in thousandths of a minor unit, with the currency's decimals and
/// as many more (at most three) as it needs: in EUR, 4'000'000 is "40.00", 4'000'500 is
/// "40.005" and 4'000'050 is "40.0005".
[[nodiscard]] inline std::string exact_amount_text(std::int64_t thousandths, currency in) {
  const bool negative = thousandths < 0;
  const std::uint64_t magnitude = negative ? 0u - static_cast<std::uint64_t>(thousandths)
                                           : static_cast<std::uint64_t>(thousandths);
  std::string text = format_amount(money(static_cast<std::int64_t>(magnitude / 1000), in));
  std::string extra = std::to_string(magnitude % 1000);
  extra.insert(0, 3 - extra.size(), '0');
  while (!extra.empty() && extra.back() == '0') extra.pop_back();
  if (!extra.empty()) text += (in.minor_digits() == 0 ? "." : "") + extra;
  return (negative ? "-" : "") + group_thousands(text);
}

/// "15 %", "0.5 %", "12.25 %": a percentage without trailing zeros, with a space before the
/// sign as Dutch and German legal texts write it.
[[nodiscard]] inline std::string percent_text(rate r) {
  std::string text = to_string(r);  // at least two decimals
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text + " %";
}

}  // namespace arrears::detail
