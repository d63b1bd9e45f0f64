// Line and column lookup for policy diagnostics.

#include "source_text.hpp"

#include <algorithm>

namespace arrears {

std::string policy_diagnostic::to_string() const {
  return file + ':' + std::to_string(line) + ':' + std::to_string(column) + ": " +
         (severity == severity_level::error ? "error: " : "warning: ") + message;
}

namespace detail::rules {

source_text::source_text(std::string_view text, std::string_view name) : text_(text), name_(name) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(static_cast<source_offset>(i + 1));
}

void source_text::locate(source_offset offset, int& line, int& column) const noexcept {
  const std::size_t clamped = std::min<std::size_t>(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), clamped);
  const auto index = static_cast<std::size_t>(next - line_starts_.begin()) - 1;
  line = static_cast<int>(index) + 1;
  column = 1;
  for (std::size_t i = line_starts_[index]; i < clamped; ++i)
    // UTF-8 continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0u) != 0x80u) ++column;
}

std::string source_text::where(source_offset offset) const {
  int line = 0;
  int column = 0;
  locate(offset, line, column);
  return name_ + ':' + std::to_string(line) + ':' + std::to_string(column);
}

void diagnostic_sink::error(source_offset at, std::string message) {
  ++errors_;
  add(at, policy_diagnostic::severity_level::error, std::move(message));
}

void diagnostic_sink::warning(source_offset at, std::string message) {
  add(at, policy_diagnostic::severity_level::warning, std::move(message));
}

void diagnostic_sink::add(source_offset at, policy_diagnostic::severity_level severity,
                          std::string message) {
  policy_diagnostic d;
  d.file = source_.name();
  source_.locate(at, d.line, d.column);
  d.severity = severity;
  d.message = std::move(message);
  diagnostics_.push_back(std::move(d));
}

std::vector<policy_diagnostic> diagnostic_sink::take() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const policy_diagnostic& a, const policy_diagnostic& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  errors_ = 0;
  return std::move(diagnostics_);
}

}  // namespace detail::rules
}  // namespace arrears
