#pragma once
// Opening a file to read, the one way the readers of src/io do it. Private to src/io.

#include <arrears/core/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace arrears::detail {

/// `file` opened for reading (binary: the readers handle CRLF themselves). Throws
/// error{errc::io_error} "cannot open '<file>': <reason>" when it cannot be opened.
[[nodiscard]] inline std::ifstream open_input_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw error(errc::io_error,
                "cannot open '" + file.string() + "': " + std::string(std::strerror(errno)));
  return in;
}

}  // namespace arrears::detail
