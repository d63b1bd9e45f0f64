#pragma once
// One function per subcommand. Each lives in src/cli/command_<name>.cpp, adds its
// subcommand to the app with its options and callback, and is called from main.cpp.
//
// To add a subcommand `foo`:
//   1. write src/cli/command_foo.cpp defining `void register_foo_command(CLI::App& app)`
//      (the CMake glob picks the file up; re-run cmake if your generator does not);
//   2. declare it below, keeping the list alphabetical;
//   3. call it from register_commands() in main.cpp.
// A callback reports failure by throwing arrears::error (exit 2) or any other
// std::exception (exit 1); it never calls std::exit.

namespace CLI {
class App;
}

namespace arrears::cli {

void register_costs_command(CLI::App& app);
void register_decide_command(CLI::App& app);
void register_done_command(CLI::App& app);
void register_explain_command(CLI::App& app);
void register_ingest_command(CLI::App& app);
void register_interest_command(CLI::App& app);
void register_policy_command(CLI::App& app);
void register_reconcile_command(CLI::App& app);
void register_replay_command(CLI::App& app);
void register_run_command(CLI::App& app);
void register_simulate_command(CLI::App& app);

}  // namespace arrears::cli
