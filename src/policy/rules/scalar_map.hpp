#pragma once
// Where each character of a YAML scalar's value came from in the file, so that an error at
// column 12 of a `when` expression points at the right place in the file whether the
// expression was written plain, quoted (with escapes), folded over lines or as a block.

#include "source_text.hpp"

#include <string_view>
#include <vector>

namespace arrears::detail::rules {

/// Maps offsets within a scalar's value to offsets in the file.
class scalar_map {
 public:
  scalar_map() = default;
  /// Aligns `value` (what yaml-cpp read) with the file text from `node_start` (the node's
  /// mark: its anchor, tag or first character). Characters are matched in order, skipping
  /// the file's quotes, indentation, line breaks and escape sequences; where the two cannot
  /// be aligned the rest maps to the last aligned position (never outside the scalar).
  scalar_map(std::string_view file_text, source_offset node_start, std::string_view value);

  /// The file offset of value character `index` (the end of the value for index == size).
  [[nodiscard]] source_offset at(std::size_t index) const noexcept;
  /// The file offset of the value's first character.
  [[nodiscard]] source_offset start() const noexcept { return at(0); }

 private:
  std::vector<source_offset> offsets_;
  source_offset start_ = 0;
};

}  // namespace arrears::detail::rules
