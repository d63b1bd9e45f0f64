// make_jurisdiction: the pack for a code.

#include <arrears/core/error.hpp>
#include <arrears/law/belgium.hpp>
#include <arrears/law/european_union.hpp>
#include <arrears/law/germany.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/law/netherlands.hpp>
#include <arrears/law/united_kingdom.hpp>

#include <string>

namespace arrears {

std::unique_ptr<jurisdiction> make_jurisdiction(std::string_view code, const rate_tables& tables) {
  if (code == "nl") return std::make_unique<netherlands>(tables);
  if (code == "de") return std::make_unique<germany>(tables);
  if (code == "be") return std::make_unique<belgium>(tables);
  if (code == "uk") return std::make_unique<united_kingdom>(tables);
  if (code == "eu") return std::make_unique<european_union>(tables);
  throw error(errc::invalid_argument, "unknown jurisdiction '" + std::string(code) +
                                          "'; known: nl, de, be, uk, eu (eu is the Directive "
                                          "2011/7/EU default for the others)");
}

}  // namespace arrears
