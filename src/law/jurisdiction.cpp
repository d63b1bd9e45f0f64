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

date jurisdiction::limitation_deadline(const limitation_query& query) const {
  limitation_request request;
  request.due_date = query.due_date;
  request.consumer_sale_of_goods = query.consumer_sale_of_goods;
  request.interruptions.assign(query.interruptions.begin(), query.interruptions.end());
  return limitation(request).deadline;
}

std::optional<date> jurisdiction::default_first_day(const default_request& request) const {
  return default_starts(request).first_day;
}

std::optional<date> jurisdiction::consumer_costs_chargeable_from(date sent_on) const {
  auto notice = consumer_costs_notice(sent_on);
  if (!notice) return std::nullopt;
  return notice->costs_chargeable_from;
}

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
