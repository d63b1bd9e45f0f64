#pragma once
// Where the CLI finds its bundled data: rate tables, the sample ledger and events, letter
// templates (the repository's data/ folder, installed to <prefix>/share/arrears).

#include <filesystem>

namespace arrears::cli {

/// The first of, in order:
///   1. $ARREARS_DATA_DIR, when set and not empty (used as given, even if missing, so a
///      typo shows up as a clear "cannot open" rather than silently other data);
///   2. <directory of the running executable>/../share/arrears, when it exists (an
///      installed tree, wherever it was moved to);
///   3. the share directory of the configured install prefix, when it exists;
///   4. the source tree's data/ (a binary run from its build directory).
/// The last is returned even when it does not exist; opening a file in it then fails
/// with an error naming the path.
[[nodiscard]] std::filesystem::path arrears_data_dir();

}  // namespace arrears::cli
