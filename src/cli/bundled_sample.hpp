#pragma once
// The bundled sample (data/sample/, described in its README.md): what `arrears run` and
// `arrears explain` use when no store and no ledger are given, in a store created in a
// temporary folder and removed afterwards. Private to src/cli.

#include "daily_run.hpp"

#include <arrears/core/date.hpp>

#include <filesystem>

namespace arrears::cli {

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

/// Sets up a run on the sample (under the data folder, cli/data_dir.hpp): appends the
/// events arrears held before the sample's day to `scratch`'s store, and points `settings`
/// at the sample's books and, when they set none, its sender and its day (2025-06-02).
void use_bundled_sample(run_settings& settings, const temporary_store& scratch);

}  // namespace arrears::cli
