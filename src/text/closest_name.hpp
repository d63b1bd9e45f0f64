#pragma once
// "Did you mean ...?": the known name closest to a misspelt one. Shared by every reader
// that names fields, events, facts or actions.

#include <span>
#include <string>
#include <string_view>

namespace arrears::detail {

/// Levenshtein distance between two names.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `name` within an edit distance of 2, or an empty view when none
/// is that close.
[[nodiscard]] std::string_view closest_name(std::string_view name,
                                            std::span<const std::string_view> candidates);

/// "; did you mean 'x'?" when a candidate is close, else "".
[[nodiscard]] std::string did_you_mean(std::string_view name,
                                       std::span<const std::string_view> candidates);

}  // namespace arrears::detail
