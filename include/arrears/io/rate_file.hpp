#pragma once
// Reading a rate table from a file: the user's way to update or override the tables arrears
// ships (`arrears interest --rates FILE`, rate_tables::override_with).

#include <arrears/law/rate_table.hpp>

#include <filesystem>

namespace arrears {

/// Reads a rate table in the CSV form of data/rates/*.csv (docs/law.md) from `path`.
/// The file must name its table in a comment line `# table: NAME` (e.g. nl-commercial).
/// Throws error{errc::io_error} when the file cannot be read, and every error of
/// rate_table::parse_csv, located as `path:line`.
[[nodiscard]] rate_table read_rate_file(const std::filesystem::path& path);

}  // namespace arrears
