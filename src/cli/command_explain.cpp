// `arrears explain CASE_ID [--store FILE]`: the case's timeline and every decision the runs
// recorded for it, with their reasons and whether they were done. Without --store: the
// bundled sample, run on its day in a temporary store first.

#include "bundled_sample.hpp"
#include "case_text.hpp"
#include "commands.hpp"
#include "daily_run.hpp"
#include "data_dir.hpp"
#include "decision_text.hpp"

#include <arrears/core/error.hpp>
#include <arrears/store/event_store.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace arrears::cli {
namespace {

struct explain_options {
  std::string case_id;
  std::string store;
};

void append_decisions(std::string& out, const std::vector<proposal>& proposals) {
  out += "  decisions\n";
  if (proposals.empty()) out += "    none recorded\n";
  for (const proposal& p : proposals) {
    const decision& d = p.proposed;
    out += fmt::format("    {}  #{} {}", to_iso(p.day), p.id, action_name(d.kind));
    const std::string parameters = parameters_text(d.parameters);
    if (!parameters.empty()) out += "  " + parameters;
    if (d.next_review) out += "  next review " + to_iso(*d.next_review);
    out += '\n';
    if (p.done) {
      out += fmt::format("      done {} by {}", to_iso(p.done->on), p.done->actor);
      if (!p.done->note.empty()) out += fmt::format(": {}", p.done->note);
      out += '\n';
    } else {
      out += "      not done\n";
    }
    append_reasons(out, d, "      ");
  }
}

void run_explain(const explain_options& options) {
  std::optional<temporary_store> scratch;
  std::string store_file = options.store;
  if (store_file.empty()) {
    scratch.emplace();
    store_file = scratch->file().string();
    run_settings settings;
    use_bundled_sample(settings, *scratch);
    (void)daily_run(settings, store_file);
  }
  const event_store store = event_store::open(store_file);
  const std::optional<collection_case> c = store.find_case(options.case_id);
  if (!c)
    throw error(errc::invalid_argument,
                fmt::format("store '{}': no case '{}'",
                            options.store.empty() ? "(the bundled sample)" : options.store,
                            options.case_id));
  std::string out;
  append_case(out, *c);
  append_decisions(out, store.proposals_of(c->id()));
  fmt::print("{}", out);
}

}  // namespace

void register_explain_command(CLI::App& app) {
  auto options = std::make_shared<explain_options>();
  CLI::App* command = app.add_subcommand(
      "explain", "A case's timeline and every recorded decision with its reasons");
  command->add_option("CASE_ID", options->case_id, "The case")->required();
  command->add_option("--store", options->store,
                      "The store (default: the bundled sample, run on its day)");
  command->callback([options] { run_explain(*options); });
}

}  // namespace arrears::cli
