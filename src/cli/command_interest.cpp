// `arrears interest`: statutory interest on one claim under a jurisdiction's law, split into
// segments at rate changes, capitalisation dates and payments; a table by default, JSON with
// --json.
//
//   arrears interest --jurisdiction nl --kind commercial --principal 10000.00 --currency EUR
//       --first-day 2023-07-01 --until 2025-12-31 [--payment 2024-03-01:2500.00 ...] [--json]
//       [--rates FILE ...] [--day-count actual_365|actual_actual]

#include "commands.hpp"
#include "options.hpp"

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>
#include <arrears/io/rate_file.hpp>
#include <arrears/law/interest.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/law/rate_tables.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace arrears::cli {
namespace {

struct interest_options {
  std::string jurisdiction;
  std::string kind = "commercial";
  std::string principal;
  std::string currency_code;
  std::string first_day;
  std::string until;
  std::vector<std::string> payments;
  std::vector<std::string> rate_files;
  std::string day_count_name = "actual_365";
  bool json = false;
};

interest_kind parse_kind(const std::string& text) {
  if (text == "consumer") return interest_kind::consumer;
  if (text == "commercial") return interest_kind::commercial;
  throw error(errc::invalid_argument,
              "--kind: expected 'consumer' or 'commercial', got '" + text + "'");
}

day_count parse_day_count(const std::string& text) {
  if (text == "actual_365") return day_count::actual_365;
  if (text == "actual_actual") return day_count::actual_actual;
  throw error(errc::invalid_argument,
              "--day-count: expected 'actual_365' or 'actual_actual', got '" + text + "'");
}

/// "2024-03-01:2500.00".
interest_payment parse_payment(const std::string& text, currency in) {
  const auto colon = text.find(':');
  interest_payment payment;
  if (colon == std::string::npos || !try_parse_date(text.substr(0, colon), payment.on) ||
      !try_parse_amount(text.substr(colon + 1), in, payment.amount))
    throw error(errc::invalid_argument,
                fmt::format("--payment '{}': expected DATE:AMOUNT, e.g. 2024-03-01:2500.00 (a "
                            "real date, an amount with at most {} decimals)",
                            text, in.minor_digits()));
  return payment;
}

/// The built-in tables with each --rates file merged over the table it names.
rate_tables load_tables(const std::vector<std::string>& files) {
  rate_tables tables = rate_tables::builtin();
  for (const auto& file : files) {
    const rate_table overrides = read_rate_file(file);
    if (!tables.contains(overrides.name())) {
      std::string known;
      for (const auto& [name, table] : tables.all()) known += (known.empty() ? "" : ", ") + name;
      throw error(errc::invalid_argument,
                  fmt::format("{}: '# table: {}' names no table arrears has; known: {}", file,
                              overrides.name(), known));
    }
    tables.override_with(overrides);
  }
  return tables;
}

std::string flag(const interest_segment& segment) { return segment.rate_verified ? "" : "*"; }

void print_table(const jurisdiction& law, const interest_options& options,
                 const interest_request& request, const interest_result& result) {
  fmt::print("Statutory interest, {} ({}), {}: {} {} from {} through {}, {}\n\n", law.name(),
             law.code(), options.kind, format_amount(request.principal),
             to_string(request.principal.currency()), to_iso(request.first_day),
             to_iso(request.until), options.day_count_name);
  fmt::print("{:<10}  {:<10}  {:>5}  {:>7}  {:>14}  {:>12}\n", "from", "to", "days", "rate", "base",
             "interest");
  bool any_unverified = false;
  for (const auto& segment : result.segments) {
    any_unverified = any_unverified || !segment.rate_verified;
    fmt::print("{:<10}  {:<10}  {:>5}  {:>7}  {:>14}  {:>12}\n", to_iso(segment.from),
               to_iso(segment.to), segment.days, to_string(segment.annual) + flag(segment),
               format_amount(segment.base), format_amount(segment.interest));
  }
  fmt::print("{:<56}  {:>12}\n", "total interest", format_amount(result.total));

  if (!result.allocations.empty()) {
    fmt::print("\npayments (to costs, then interest, then principal)\n");
    for (const auto& allocation : result.allocations)
      fmt::print("{:<10}  {:>14}  costs {}, interest {}, principal {}\n", to_iso(allocation.on),
                 format_amount(allocation.amount), format_amount(allocation.to_costs),
                 format_amount(allocation.to_interest), format_amount(allocation.to_principal));
  }

  const money outstanding =
      result.principal_outstanding + result.interest_outstanding + result.costs_outstanding;
  fmt::print("\n");
  if (!result.capitalised.is_zero())
    fmt::print("{:<30}  {:>14}\n", "capitalised interest", format_amount(result.capitalised));
  fmt::print("{:<30}  {:>14}\n", "principal outstanding",
             format_amount(result.principal_outstanding));
  fmt::print("{:<30}  {:>14}\n", "interest outstanding",
             format_amount(result.interest_outstanding));
  if (!result.costs_outstanding.is_zero())
    fmt::print("{:<30}  {:>14}\n", "costs outstanding", format_amount(result.costs_outstanding));
  fmt::print("{:<30}  {:>14}\n", "outstanding", format_amount(outstanding));
  if (any_unverified) fmt::print("\n* rate from a table row marked unverified; see docs/law.md\n");
}

void print_json(const jurisdiction& law, const interest_options& options,
                const interest_request& request, const interest_result& result) {
  boost::json::array segments;
  for (const auto& segment : result.segments)
    segments.push_back({{"from", to_iso(segment.from)},
                        {"to", to_iso(segment.to)},
                        {"days", segment.days},
                        {"rate", to_string(segment.annual)},
                        {"base", format_amount(segment.base)},
                        {"interest", format_amount(segment.interest)},
                        {"rate_verified", segment.rate_verified}});
  boost::json::array allocations;
  for (const auto& allocation : result.allocations)
    allocations.push_back({{"on", to_iso(allocation.on)},
                           {"amount", format_amount(allocation.amount)},
                           {"to_costs", format_amount(allocation.to_costs)},
                           {"to_interest", format_amount(allocation.to_interest)},
                           {"to_principal", format_amount(allocation.to_principal)}});
  const money outstanding =
      result.principal_outstanding + result.interest_outstanding + result.costs_outstanding;
  const boost::json::object out{
      {"total", format_amount(result.total)},
      {"currency", to_string(request.principal.currency())},
      {"segments", std::move(segments)},
      {"allocations", std::move(allocations)},
      {"jurisdiction", std::string(law.code())},
      {"kind", options.kind},
      {"day_count", options.day_count_name},
      {"principal", format_amount(request.principal)},
      {"first_day", to_iso(request.first_day)},
      {"until", to_iso(request.until)},
      {"capitalised", format_amount(result.capitalised)},
      {"principal_outstanding", format_amount(result.principal_outstanding)},
      {"interest_outstanding", format_amount(result.interest_outstanding)},
      {"costs_outstanding", format_amount(result.costs_outstanding)},
      {"outstanding", format_amount(outstanding)},
  };
  fmt::print("{}\n", boost::json::serialize(out));
}

void run_interest(const interest_options& options) {
  // Validate everything the tables do not decide before reading any file.
  const interest_kind kind = parse_kind(options.kind);
  const day_count basis = parse_day_count(options.day_count_name);
  const rate_tables tables = load_tables(options.rate_files);
  const std::unique_ptr<jurisdiction> law = make_jurisdiction(options.jurisdiction, tables);

  const currency in = currency_option(options.currency_code, law->code());
  interest_request request;
  request.kind = kind;
  request.basis = basis;
  request.principal = parse_amount_option("--principal", options.principal, in);
  request.first_day = parse_date_option("--first-day", options.first_day);
  request.until = parse_date_option("--until", options.until);
  for (const auto& text : options.payments) request.payments.push_back(parse_payment(text, in));
  // Several --payment options may come in any order; the calculation takes them by date.
  std::stable_sort(
      request.payments.begin(), request.payments.end(),
      [](const interest_payment& a, const interest_payment& b) { return a.on < b.on; });

  const interest_result result = law->statutory_interest(request);
  if (options.json)
    print_json(*law, options, request, result);
  else
    print_table(*law, options, request, result);
}

}  // namespace

void register_interest_command(CLI::App& app) {
  auto options = std::make_shared<interest_options>();
  CLI::App* command = app.add_subcommand(
      "interest",
      "Statutory interest on a claim: segments at rate changes, capitalisation dates and "
      "payments; payments go to costs, then interest, then principal");
  command->add_option("--jurisdiction", options->jurisdiction, "nl, de, be, uk or eu")->required();
  command->add_option("--kind", options->kind,
                      "consumer or commercial (default commercial; see docs/law.md)");
  command->add_option("--principal", options->principal, "The unpaid amount, e.g. 10000.00")
      ->required();
  command->add_option("--currency", options->currency_code,
                      "ISO 4217 code (default EUR, GBP for uk)");
  command->add_option("--first-day", options->first_day, "First interest day, inclusive")
      ->required();
  command->add_option("--until", options->until, "Last interest day (the payment day), inclusive")
      ->required();
  command->add_option("--payment", options->payments,
                      "DATE:AMOUNT, a payment counted after that day's interest; repeatable");
  command->add_flag("--json", options->json, "Print one JSON object instead of a table");
  command->add_option("--rates", options->rate_files,
                      "A rate-table CSV with a '# table: NAME' line; its rows override that "
                      "built-in table; repeatable");
  command->add_option("--day-count", options->day_count_name,
                      "actual_365 (default) or actual_actual");
  command->callback([options] { run_interest(*options); });
}

}  // namespace arrears::cli
