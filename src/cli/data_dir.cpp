#include "data_dir.hpp"

#include <cstdlib>
#include <system_error>

// CMakeLists.txt defines these for this file only.
#ifndef ARREARS_INSTALL_BINDIR
#error "ARREARS_INSTALL_BINDIR must be defined by the build"
#endif

namespace arrears::cli {
namespace {

bool directory_exists(const std::filesystem::path& path) {
  std::error_code ignored;
  return std::filesystem::is_directory(path, ignored);
}

// <prefix>/<bindir>/arrears -> <prefix>/<datadir>/arrears. Only Linux has /proc/self/exe;
// elsewhere this step is skipped and the configured prefix is used.
std::filesystem::path installed_next_to_executable() {
  const std::filesystem::path bindir(ARREARS_INSTALL_BINDIR);
  if (bindir.is_absolute()) return {};  // the binary's location says nothing about data
  std::error_code error;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  auto prefix = executable.parent_path();
  for (const auto& part : bindir) {
    if (!part.empty()) prefix = prefix.parent_path();
  }
  return prefix / ARREARS_INSTALL_DATADIR;
}

}  // namespace

std::filesystem::path arrears_data_dir() {
  if (const char* from_environment = std::getenv("ARREARS_DATA_DIR");
      from_environment != nullptr && *from_environment != '\0') {
    return from_environment;
  }
  if (const auto relocated = installed_next_to_executable();
      !relocated.empty() && directory_exists(relocated)) {
    return relocated;
  }
  if (const std::filesystem::path installed(ARREARS_INSTALL_FULL_DATADIR);
      directory_exists(installed)) {
    return installed;
  }
  return ARREARS_SOURCE_DATADIR;
}

}  // namespace arrears::cli
