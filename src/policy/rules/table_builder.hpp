#pragma once
// From policy text to a compiled rule table: reads the structure, parses and type-checks
// every expression, compiles, and reports every error and warning on the way.

#include "program.hpp"
#include "source_text.hpp"

#include <memory>

namespace arrears::detail::rules {

/// Builds the table from `source`, reporting to `sink`. Returns the table when there is no
/// error (warnings allowed), else nothing. `fallback_name` names a table without `name:`.
[[nodiscard]] std::shared_ptr<const detail::compiled_rule_table> build_rule_table(
    const source_text& source, diagnostic_sink& sink, std::string_view fallback_name);

}  // namespace arrears::detail::rules
