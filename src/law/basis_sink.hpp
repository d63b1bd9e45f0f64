#pragma once
// Where a law rule sends the words of its `basis`. Each rule is written once, as a template
// over the sink, and serves two callers: the full answer (text_basis: the date and the basis
// in words) and the date-only answer the policy engine asks for every case on every review
// (no_basis: the same date, without building, and so without allocating, any text).
// Private to src/law.

#include <string>
#include <utility>

namespace arrears::detail {

/// Collects the basis: every piece is made and appended in the order the rule adds it.
struct text_basis {
  std::string text;
  /// Appends `make()`, a std::string (or anything std::string::operator+= takes).
  template <class Make>
  void add(Make&& make) {
    text += std::forward<Make>(make)();
  }
};

/// Drops the basis: `make` is never called, so no text is built.
struct no_basis {
  template <class Make>
  void add(Make&&) noexcept {}
};

}  // namespace arrears::detail
