#pragma once
// The bundled sample (data/sample/, described in its README.md): what `arrears run` and
// `arrears explain` use when no store and no ledger are given, in a store created in a
// temporary folder and removed afterwards. Private to src/cli.

#include <arrears/core/date.hpp>
#include <arrears/store/event_store.hpp>

#include <filesystem>

namespace arrears::cli {

struct bundled_sample {
  std::filesystem::path ledger;
  std::filesystem::path debtors;
  std::filesystem::path history;  ///< the events arrears held before the sample's day
  std::filesystem::path sender;
  date today;  ///< the sample's day: the books are as of this day
};

/// The sample's files under the data folder (cli/data_dir.hpp).
[[nodiscard]] bundled_sample find_bundled_sample();

/// A store file in a new temporary folder, removed with the folder on destruction.
class temporary_store {
 public:
  temporary_store();
  temporary_store(const temporary_store&) = delete;
  temporary_store& operator=(const temporary_store&) = delete;
  ~temporary_store();
  [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }

 private:
  std::filesystem::path folder_;
  std::filesystem::path file_;
};

/// Appends the sample's history to `store` (one transaction).
void ingest_history(const bundled_sample& sample, event_store& store);

}  // namespace arrears::cli
