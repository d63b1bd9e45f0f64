// The arrears command line tool: parses the command line and dispatches to the
// subcommands registered in commands.hpp.
//
// Exit codes: 0 success; 2 bad input (a command line CLI11 rejects, or any arrears::error,
// whose message names the file, line, case or field); 1 anything else (a bug or the
// environment, e.g. out of memory).

#include "commands.hpp"

#include <arrears/core/error.hpp>
#include <arrears/version.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <string>

namespace {

constexpr int exit_success = 0;
constexpr int exit_internal_error = 1;
constexpr int exit_bad_input = 2;

void register_commands(CLI::App& app) {
  // One line per subcommand, alphabetical; see commands.hpp.
  arrears::cli::register_costs_command(app);
  arrears::cli::register_decide_command(app);
  arrears::cli::register_done_command(app);
  arrears::cli::register_explain_command(app);
  arrears::cli::register_ingest_command(app);
  arrears::cli::register_interest_command(app);
  arrears::cli::register_policy_command(app);
  arrears::cli::register_reconcile_command(app);
  arrears::cli::register_replay_command(app);
  arrears::cli::register_run_command(app);
  arrears::cli::register_simulate_command(app);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"arrears: collect unpaid invoices and keep the customer", "arrears"};
  app.set_version_flag("--version", std::string("arrears ") + arrears::version_string());
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("arrears: {}\nRun 'arrears --help' for more information.\n", e.what());
  });
  // Not app.require_subcommand(1): CLI11 would then report the missing subcommand before
  // an unknown option, and `arrears --no-such-flag` would not name the flag.
  register_commands(app);

  try {
    app.parse(argc, argv);  // also runs the chosen subcommand's callback
  } catch (const CLI::RuntimeError& e) {
    // Caught before ParseError, its base: a callback chose this exit code and has printed
    // its own message.
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here too, with exit code 0; app.exit prints them.
    // CLI11's own codes for real parse errors (105, 106, ...) are not ours: bad input is 2.
    return app.exit(e) == exit_success ? exit_success : exit_bad_input;
  } catch (const arrears::error& e) {
    fmt::print(stderr, "arrears: {}\n", e.what());
    return exit_bad_input;
  } catch (const std::exception& e) {
    fmt::print(stderr, "arrears: internal error: {}\n", e.what());
    return exit_internal_error;
  } catch (...) {
    fmt::print(stderr, "arrears: internal error: unknown exception\n");
    return exit_internal_error;
  }

  if (app.get_subcommands().empty()) {
    fmt::print(stderr,
               "arrears: a subcommand is required\n"
               "Run 'arrears --help' for more information.\n");
    return exit_bad_input;
  }
  return exit_success;
}
