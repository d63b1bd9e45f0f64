// `arrears costs`: the extrajudicial collection costs a creditor may charge for the claims
// dunned together, under a jurisdiction's law; readable lines by default, JSON with --json.
//
//   arrears costs --jurisdiction nl --principal 1000.00 [--principal 500.00 ...]
//       [--currency EUR] [--consumer] [--vat-not-deductible] [--vat-rate 21]
//       [--reminders N] [--postage 1.20] [--on YYYY-MM-DD] [--json]
//
// --reminders, --postage and --on matter for Belgian consumers (Book XIX WER) only; --on
// defaults to today there.

#include "commands.hpp"
#include "options.hpp"

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>
#include <arrears/law/collection_costs.hpp>
#include <arrears/law/jurisdiction.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <memory>
#include <string>
#include <vector>

namespace arrears::cli {
namespace {

struct costs_options {
  std::string jurisdiction;
  std::vector<std::string> principals;
  std::string currency_code;
  bool consumer = false;
  bool vat_not_deductible = false;
  std::string vat_rate = "21";
  int reminders = 0;
  std::string postage;
  std::string on;
  bool json = false;
};

/// An amount that may be zero but not negative.
money parse_non_negative_amount_option(const char* option, const std::string& text, currency in) {
  const money amount = parse_amount_option(option, text, in);
  if (amount.is_negative())
    throw error(errc::invalid_argument,
                fmt::format("{}: negative amount '{}': expected zero or more", option, text));
  return amount;
}

costs_request request_from(const costs_options& options, std::string_view code) {
  const currency in = currency_option(options.currency_code, code);
  costs_request request;
  for (const auto& text : options.principals)
    request.claims.push_back(parse_non_negative_amount_option("--principal", text, in));
  request.debtor = options.consumer ? debtor_kind::consumer : debtor_kind::business;
  request.creditor_can_deduct_vat = !options.vat_not_deductible;
  if (!rate::try_parse(options.vat_rate, request.vat_rate))
    throw error(errc::invalid_rate, fmt::format("--vat-rate: invalid rate '{}': expected a "
                                                "percentage such as 21",
                                                options.vat_rate));
  if (options.reminders < 0)
    throw error(errc::invalid_argument,
                fmt::format("--reminders: expected zero or more, got {}", options.reminders));
  request.reminders_sent = options.reminders;
  if (!options.postage.empty())
    request.postage = parse_non_negative_amount_option("--postage", options.postage, in);
  request.on = options.on.empty() ? boost::gregorian::day_clock::local_day()
                                  : parse_date_option("--on", options.on);
  return request;
}

void run_costs(const costs_options& options) {
  const std::unique_ptr<jurisdiction> law = make_jurisdiction(options.jurisdiction);
  const costs_request request = request_from(options, law->code());
  const costs_result result = law->collection_costs(request);
  const std::string code = to_string(result.total.currency());
  if (options.json) {
    const boost::json::object out{
        {"costs", format_amount(result.costs)},
        {"vat", format_amount(result.vat)},
        {"total", format_amount(result.total)},
        {"currency", code},
        {"basis", result.basis},
    };
    fmt::print("{}\n", boost::json::serialize(out));
    return;
  }
  money principal = money::zero(result.total.currency());
  for (const money& claim : request.claims) principal += claim;
  fmt::print("Collection costs, {} ({}), {} debtor: {} {}, principal {} {}\n\n", law->name(),
             law->code(), options.consumer ? "consumer" : "business", request.claims.size(),
             request.claims.size() == 1 ? "claim" : "claims", format_amount(principal), code);
  fmt::print("{:<6} {:>12} {}\n", "costs", format_amount(result.costs), code);
  fmt::print("{:<6} {:>12} {}\n", "VAT", format_amount(result.vat), code);
  fmt::print("{:<6} {:>12} {}\n\n", "total", format_amount(result.total), code);
  fmt::print("basis: {}\n", result.basis);
}

}  // namespace

void register_costs_command(CLI::App& app) {
  auto options = std::make_shared<costs_options>();
  CLI::App* command = app.add_subcommand(
      "costs",
      "Extrajudicial collection costs for the claims dunned together (NL BIK staffel, EUR 40 per "
      "invoice, UK fixed sums, BE consumer caps), with the basis for a letter");
  command->add_option("--jurisdiction", options->jurisdiction, "nl, de, be, uk or eu")->required();
  command
      ->add_option("--principal", options->principals,
                   "The principal of one claim, e.g. 1000.00; repeat for every claim dunned "
                   "together")
      ->required();
  command->add_option("--currency", options->currency_code,
                      "ISO 4217 code of the principals (default EUR, GBP for uk)");
  command->add_flag("--consumer", options->consumer, "The debtor is a consumer");
  command->add_flag("--vat-not-deductible", options->vat_not_deductible,
                    "The creditor cannot deduct VAT: NL adds VAT to the costs");
  command->add_option("--vat-rate", options->vat_rate, "VAT percentage (default 21)");
  command->add_option("--reminders", options->reminders,
                      "Reminders already sent (BE consumers: the first is free)");
  command->add_option("--postage", options->postage, "Postage of one reminder (BE consumers)");
  command->add_option("--on", options->on,
                      "The day the costs are charged, YYYY-MM-DD (BE consumers; default today)");
  command->add_flag("--json", options->json,
                    "Print {\"costs\", \"vat\", \"total\", \"currency\", \"basis\"} as JSON");
  command->callback([options] { run_costs(*options); });
}

}  // namespace arrears::cli
