// Compiled against an installed arrears by tests/packaging/run.cmake.
#include <arrears/core/money.hpp>
#include <arrears/version.hpp>

#include <cstdio>
#include <string>
#include <string_view>

int main() {
  const arrears::money amount = arrears::parse_money("12.34 EUR");
  const std::string text = arrears::to_string(amount);
  std::printf("arrears %s: %s\n", arrears::version_string(), text.c_str());

  if (amount.minor_units() != 1234 || to_string(amount.currency()) != "EUR" ||
      text != "12.34 EUR") {
    std::fprintf(stderr, "wrong value: %s, expected 12.34 EUR\n", text.c_str());
    return 1;
  }
  if (std::string_view(arrears::version_string()) != ARREARS_VERSION_STRING) {
    std::fprintf(stderr, "library %s does not match headers %s\n", arrears::version_string(),
                 ARREARS_VERSION_STRING);
    return 1;
  }
  return 0;
}
