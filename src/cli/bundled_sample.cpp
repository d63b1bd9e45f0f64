// The bundled sample (bundled_sample.hpp).

#include "bundled_sample.hpp"

#include "data_dir.hpp"

#include <arrears/core/error.hpp>
#include <arrears/io/event_stream.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace arrears::cli {

bundled_sample find_bundled_sample() {
  const std::filesystem::path folder = arrears_data_dir() / "sample";
  return {folder / "ledger.csv", folder / "debtors.csv", folder / "history.jsonl",
          folder / "sender.yaml", date(2025, 6, 2)};
}

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

void ingest_history(const bundled_sample& sample, event_store& store) {
  const std::vector<case_event> events = read_event_file(sample.history.string());
  store.begin();
  for (const case_event& entry : events) store.append(entry.case_id, entry.e);
  store.commit();
}

}  // namespace arrears::cli
