// The bundled sample (bundled_sample.hpp).

#include "bundled_sample.hpp"

#include "data_dir.hpp"

#include <arrears/core/error.hpp>
#include <arrears/io/event_stream.hpp>
#include <arrears/store/event_store.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace arrears::cli {

temporary_store::temporary_store() {
  std::string pattern = (std::filesystem::temp_directory_path() / "arrears-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw error(errc::io_error, fmt::format("cannot create a temporary folder for the store: {}",
                                            std::strerror(errno)));
  folder_ = pattern;
  file_ = folder_ / "arrears.db";
}

temporary_store::~temporary_store() {
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

void use_bundled_sample(run_settings& settings, const temporary_store& scratch) {
  const std::filesystem::path folder = arrears_data_dir() / "sample";
  const std::vector<case_event> history = read_event_file((folder / "history.jsonl").string());
  event_store store = event_store::open(scratch.file());
  store.begin();
  for (const case_event& entry : history) store.append(entry.case_id, entry.e);
  store.commit();

  settings.ledger = (folder / "ledger.csv").string();
  settings.debtors = (folder / "debtors.csv").string();
  if (settings.sender.empty()) settings.sender = folder / "sender.yaml";
  if (settings.today.is_special()) settings.today = date(2025, 6, 2);
}

}  // namespace arrears::cli
