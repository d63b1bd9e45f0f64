// Aligning a YAML scalar's value with its text in the file (see scalar_map.hpp).

#include "scalar_map.hpp"

#include <algorithm>

namespace arrears::detail::rules {
namespace {

bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
bool is_break(char c) noexcept { return c == '\n' || c == '\r'; }

/// Skips an anchor (&name) or a tag (!tag, !!str, !<uri>) and the blanks after it.
std::size_t skip_node_properties(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == '&' || text[i] == '!')) {
    while (i < text.size() && !is_blank(text[i]) && !is_break(text[i])) ++i;
    while (i < text.size() && (is_blank(text[i]) || is_break(text[i]))) ++i;
  }
  return i;
}

/// How many value bytes a double-quoted escape at `text[i]` ('\\') produces, and how many
/// file bytes it spans. Returns false for an escaped line break (produces nothing).
bool escape_length(std::string_view text, std::size_t i, std::size_t& produced,
                   std::size_t& consumed) {
  if (i + 1 >= text.size()) return false;
  const char kind = text[i + 1];
  if (is_break(kind)) return false;
  auto code_point = [&](std::size_t digits) {
    unsigned long value = 0;
    for (std::size_t k = 0; k < digits && i + 2 + k < text.size(); ++k) {
      const char c = text[i + 2 + k];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : 0;
      value = value * 16 + static_cast<unsigned long>(digit);
    }
    produced = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4;
    consumed = 2 + digits;
  };
  switch (kind) {
    case 'x':
      code_point(2);
      break;
    case 'u':
      code_point(4);
      break;
    case 'U':
      code_point(8);
      break;
    case 'N':
    case '_':
      produced = 2;
      consumed = 2;
      break;  // U+0085, U+00A0
    case 'L':
    case 'P':
      produced = 3;
      consumed = 2;
      break;  // U+2028, U+2029
    default:
      produced = 1;
      consumed = 2;
      break;
  }
  return true;
}

}  // namespace

scalar_map::scalar_map(std::string_view file_text, source_offset node_start,
                       std::string_view value) {
  std::size_t i = std::min<std::size_t>(node_start, file_text.size());
  i = skip_node_properties(file_text, i);
  start_ = static_cast<source_offset>(std::min(i, file_text.size()));
  const char style = i < file_text.size() ? file_text[i] : '\0';
  if (style == '"' || style == '\'') {
    ++i;
  } else if (style == '|' || style == '>') {
    while (i < file_text.size() && file_text[i] != '\n') ++i;  // header: indicators, comment
  }
  offsets_.reserve(value.size() + 1);
  std::size_t j = 0;
  while (j < value.size() && i < file_text.size()) {
    const char c = file_text[i];
    if (style == '"' && c == '\\') {
      std::size_t produced = 0;
      std::size_t consumed = 0;
      if (!escape_length(file_text, i, produced, consumed)) {
        // An escaped line break: joins the lines without a space.
        i += 2;
        while (i < file_text.size() && (is_blank(file_text[i]) || is_break(file_text[i]))) ++i;
        continue;
      }
      for (std::size_t k = 0; k < produced && j < value.size(); ++k, ++j)
        offsets_.push_back(static_cast<source_offset>(i));
      i += consumed;
      continue;
    }
    if (style == '\'' && c == '\'' && i + 1 < file_text.size() && file_text[i + 1] == '\'' &&
        value[j] == '\'') {
      offsets_.push_back(static_cast<source_offset>(i));
      ++j;
      i += 2;
      continue;
    }
    if (c == value[j]) {
      offsets_.push_back(static_cast<source_offset>(i));
      ++j;
      ++i;
      continue;
    }
    if (is_break(c) && (value[j] == ' ' || value[j] == '\n')) {
      // A folded line break: the value has one space or newline where the file breaks.
      offsets_.push_back(static_cast<source_offset>(i));
      ++j;
      ++i;
      continue;
    }
    if (is_blank(c) || is_break(c)) {
      ++i;  // indentation, trailing blanks, extra breaks
      continue;
    }
    break;  // cannot align: the rest maps to the last aligned position
  }
  const source_offset last =
      offsets_.empty() ? start_ : static_cast<source_offset>(offsets_.back());
  while (offsets_.size() < value.size()) offsets_.push_back(last);
  // One past the end: right after the last character.
  offsets_.push_back(value.empty() ? start_ : static_cast<source_offset>(offsets_.back() + 1));
}

source_offset scalar_map::at(std::size_t index) const noexcept {
  if (offsets_.empty()) return start_;
  return offsets_[std::min(index, offsets_.size() - 1)];
}

}  // namespace arrears::detail::rules
