#pragma once
// An ISO 4217 currency: its three-letter code and how many minor units it has.

#include <arrears/core/error.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace arrears {

/// A currency arrears knows from its built-in ISO 4217 table. Regular, trivially copyable,
/// eight bytes. The default value is "XXX" (ISO's "no currency"), which combines with
/// nothing else, so an amount whose currency was never set cannot silently mix in.
class currency {
 public:
  constexpr currency() noexcept = default;

  /// Looks up an upper-case ISO 4217 code ("EUR"). Returns false for unknown codes.
  [[nodiscard]] static bool try_from_code(std::string_view code, currency& out) noexcept;
  /// As try_from_code, but throws error{errc::unknown_currency}.
  [[nodiscard]] static currency from_code(std::string_view code);

  /// The view points into this value, so a temporary has none to give (name the currency
  /// first: `const currency in = m.currency(); in.code()`).
  [[nodiscard]] std::string_view code() const& noexcept { return {code_.data(), 3}; }
  std::string_view code() const&& = delete;
  /// Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.
  [[nodiscard]] int minor_digits() const noexcept { return minor_digits_; }

  /// Compares code and digits as one 32-bit integer: currencies are compared in every sum.
  friend constexpr bool operator==(const currency& a, const currency& b) noexcept {
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
  }

 private:
  constexpr currency(std::array<char, 3> code, std::uint8_t digits) noexcept
      : code_(code), minor_digits_(digits) {}

  std::array<char, 3> code_{'X', 'X', 'X'};
  std::uint8_t minor_digits_ = 0;
};
static_assert(sizeof(currency) == 4 && std::is_trivially_copyable_v<currency>);

namespace detail {
struct currency_entry {
  std::string_view code;
  std::uint8_t minor_digits;
};
// ISO 4217 codes likely on an invoice in Europe and its trading partners; extend freely.
inline constexpr currency_entry currency_table[] = {
    {"AED", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CNY", 2},
    {"CZK", 2}, {"DKK", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2},
    {"INR", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0}, {"KWD", 3}, {"MAD", 2}, {"MXN", 2},
    {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2}, {"PLN", 2}, {"QAR", 2}, {"RON", 2},
    {"RSD", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3}, {"TRY", 2}, {"UAH", 2},
    {"USD", 2}, {"XXX", 0}, {"ZAR", 2}, {"SRD", 2},
};
}  // namespace detail

/// "EUR": the code as a string of its own (also for a temporary currency).
[[nodiscard]] inline std::string to_string(currency c) { return std::string(c.code()); }

inline bool currency::try_from_code(std::string_view code, currency& out) noexcept {
  if (code.size() != 3) return false;
  for (const auto& entry : detail::currency_table) {
    if (entry.code == code) {
      out = currency({code[0], code[1], code[2]}, entry.minor_digits);
      return true;
    }
  }
  return false;
}

inline currency currency::from_code(std::string_view code) {
  currency out;
  if (!try_from_code(code, out))
    throw error(errc::unknown_currency, "unknown currency '" + std::string(code) +
                                            "': expected an ISO 4217 code such as EUR");
  return out;
}

}  // namespace arrears
