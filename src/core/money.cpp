// The throwing paths of money arithmetic, kept out of line so the arithmetic inlines.

#include <arrears/core/money.hpp>

namespace arrears {

void money::fail_mismatch(money a, money b, const char* operation) {
  throw error(errc::currency_mismatch, std::string("money: cannot combine ") +
                                           to_string(a.currency()) + " and " +
                                           to_string(b.currency()) + " with " + operation);
}

void money::fail_overflow(money a, money b, const char* operation) {
  const std::string right = operation[0] == '*' ? std::to_string(b.minor_units()) : to_string(b);
  throw error(errc::overflow,
              "money: " + to_string(a) + " " + operation + " " + right + " overflows");
}

}  // namespace arrears
