#pragma once
// A policy file's text with a line index, so that a byte offset becomes the line and column
// a diagnostic shows, and the sink that collects those diagnostics.

#include <arrears/policy/policy_diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::detail::rules {

/// A byte offset into the policy text.
using source_offset = std::uint32_t;

/// The text of one policy and where its lines start.
class source_text {
 public:
  source_text(std::string_view text, std::string_view name);

  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// 1-based line and column of `offset`; columns count characters (UTF-8 code points), so a
  /// tab or an accented letter is one column.
  void locate(source_offset offset, int& line, int& column) const noexcept;
  /// "file:line:column".
  [[nodiscard]] std::string where(source_offset offset) const;

 private:
  std::string_view text_;
  std::string name_;
  std::vector<source_offset> line_starts_;
};

/// Collects diagnostics for one policy text; sorted into file order when taken.
class diagnostic_sink {
 public:
  explicit diagnostic_sink(const source_text& source) : source_(source) {}

  void error(source_offset at, std::string message);
  void warning(source_offset at, std::string message);
  [[nodiscard]] bool has_errors() const noexcept { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }
  [[nodiscard]] const source_text& source() const noexcept { return source_; }
  /// Every diagnostic, in file order (line, column; equal positions keep their report order).
  [[nodiscard]] std::vector<policy_diagnostic> take();

 private:
  void add(source_offset at, policy_diagnostic::severity_level severity, std::string message);

  const source_text& source_;
  std::vector<policy_diagnostic> diagnostics_;
  std::size_t errors_ = 0;
};

}  // namespace arrears::detail::rules
