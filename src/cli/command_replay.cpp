// `arrears replay [FILE] [--case ID] [--json]`: reads an event stream (JSON lines), replays
// every case and prints its state, its claims and its history; with --json, one case
// snapshot per line instead.

#include "case_text.hpp"
#include "commands.hpp"
#include "data_dir.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/io/case_json.hpp>
#include <arrears/io/event_stream.hpp>
#include <arrears/model/collection_case.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/json/serialize.hpp>

#include <memory>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace arrears::cli {
namespace {

struct replay_options {
  std::string file;
  std::string case_id;
  bool json = false;
};

void run_replay(const replay_options& options) {
  const std::string path = options.file.empty()
                               ? (arrears_data_dir() / "sample" / "events.jsonl").string()
                               : options.file;
  const std::vector<collection_case> cases = replay_event_file(path);

  bool found = options.case_id.empty();
  bool first = true;
  for (const auto& c : cases) {
    if (!options.case_id.empty() && c.id() != options.case_id) continue;
    found = true;
    if (options.json) {
      fmt::print("{}\n", boost::json::serialize(to_json(c)));
      continue;
    }
    if (!first) fmt::print("\n");
    first = false;
    std::string text;
    append_case(text, c);
    fmt::print("{}", text);
  }
  if (!found)
    throw error(errc::invalid_argument, fmt::format("{}: no case '{}'", path, options.case_id));
}

}  // namespace

void register_replay_command(CLI::App& app) {
  auto options = std::make_shared<replay_options>();
  CLI::App* command = app.add_subcommand(
      "replay", "Replay an event stream (JSON lines) and print each case: state, claims, history");
  command->add_option("FILE", options->file,
                      "The event stream; default: the sample, <data dir>/sample/events.jsonl");
  command->add_option("--case", options->case_id, "Print only the case with this id");
  command->add_flag("--json", options->json, "Print one case snapshot (JSON) per line instead");
  command->callback([options] { run_replay(*options); });
}

}  // namespace arrears::cli
