#pragma once
// Where a subcommand's output goes: standard output, or with --out a file written whole or
// not at all. Private to src/cli.

#include <arrears/core/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace arrears::cli {

/// Collects output and writes it in large chunks; with --out, to a temporary file renamed
/// over FILE at the end, so a failure never leaves a half-written FILE.
class output_sink {
 public:
  /// `option` (a string literal) names the option that gave the path, in error messages.
  explicit output_sink(std::string path, std::string_view option = "--out")
      : path_(std::move(path)), option_(option) {
    if (path_.empty()) {
      file_ = stdout;
      return;
    }
    temporary_ = path_ + ".partial";
    file_ = std::fopen(temporary_.c_str(), "wb");
    if (file_ == nullptr)
      throw error(errc::io_error,
                  fmt::format("{}: cannot write '{}': {}", option_, path_, std::strerror(errno)));
  }
  output_sink(const output_sink&) = delete;
  output_sink& operator=(const output_sink&) = delete;
  ~output_sink() {
    if (file_ != nullptr && file_ != stdout) {
      std::fclose(file_);
      std::error_code ignored;
      std::filesystem::remove(temporary_, ignored);
    }
  }

  std::string& buffer() noexcept { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() >= (1u << 20)) flush();
  }
  void finish() {
    flush();
    if (file_ == stdout) {
      std::fflush(stdout);
      return;
    }
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    std::error_code failed;
    if (closed) std::filesystem::rename(temporary_, path_, failed);
    if (!closed || failed) {
      std::filesystem::remove(temporary_, failed);
      throw error(errc::io_error, fmt::format("{}: cannot write '{}'", option_, path_));
    }
  }

 private:
  void flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
      throw error(errc::io_error,
                  fmt::format("cannot write '{}': {}", path_.empty() ? "standard output" : path_,
                              std::strerror(errno)));
    buffer_.clear();
  }

  std::string path_;
  std::string_view option_;
  std::string temporary_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

}  // namespace arrears::cli
