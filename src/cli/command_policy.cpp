// `arrears policy check FILE`: every diagnostic of a rule table (YAML or JSON), one per line
// on standard output as `file:line:column: error|warning: message`, then a summary line.
// Exit status 1 when there is an error, 0 when there is none (warnings alone pass), 2 when
// the command line is wrong (e.g. the file does not exist).

#include "commands.hpp"

#include <arrears/policy/rule_table.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace arrears::cli {
namespace {

struct policy_check_options {
  std::string file;
};

void run_policy_check(const policy_check_options& options) {
  const std::vector<policy_diagnostic> diagnostics = check_rule_table_file(options.file);
  std::size_t errors = 0;
  for (const policy_diagnostic& d : diagnostics) {
    fmt::print("{}\n", d.to_string());
    if (d.is_error()) ++errors;
  }
  const std::size_t warnings = diagnostics.size() - errors;
  if (errors > 0) {
    fmt::print("{}: {} {}, {} {}\n", options.file, errors, errors == 1 ? "error" : "errors",
               warnings, warnings == 1 ? "warning" : "warnings");
    std::fflush(stdout);
    // The diagnostics are the message: exit 1 without another line from main().
    throw CLI::RuntimeError(1);
  }
  const rule_table table = rule_table::load(options.file);
  fmt::print("{}: ok: policy '{}', {} {} (hit policy {}), {} {}\n", options.file, table.name(),
             table.rule_count(), table.rule_count() == 1 ? "rule" : "rules",
             table.hits() == rule_table::hit_policy::first ? "first" : "priority", warnings,
             warnings == 1 ? "warning" : "warnings");
}

}  // namespace

void register_policy_command(CLI::App& app) {
  CLI::App* policy = app.add_subcommand("policy", "Work with rule-table policy files");
  policy->require_subcommand(1);
  auto options = std::make_shared<policy_check_options>();
  CLI::App* check =
      policy->add_subcommand("check",
                             "Check a rule table (YAML or JSON): print every error and warning as "
                             "file:line:column: message; exit 1 when there is an error");
  check->add_option("file", options->file, "The policy file, e.g. examples/policies/strict.yaml")
      ->required()
      ->check(CLI::ExistingFile);
  check->callback([options] { run_policy_check(*options); });
}

}  // namespace arrears::cli
