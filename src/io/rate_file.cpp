// Rate tables from files (include/arrears/io/rate_file.hpp).

#include <arrears/core/error.hpp>
#include <arrears/io/rate_file.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

namespace arrears {

rate_table read_rate_file(const std::filesystem::path& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored))
    throw error(errc::io_error, "cannot read rate file '" + path.string() + "': a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw error(errc::io_error,
                "cannot open rate file '" + path.string() + "': " + std::strerror(errno));
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw error(errc::io_error, "cannot read rate file '" + path.string() + "'");
  return rate_table::parse_csv({}, text, path.string());
}

}  // namespace arrears
