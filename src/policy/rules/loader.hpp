#pragma once
// Reading a policy file's structure from YAML or JSON (JSON is YAML): refuses hostile input
// before yaml-cpp sees it, then fills a table_spec and reports every structural problem.

#include "source_text.hpp"
#include "table_spec.hpp"

namespace arrears::detail::rules {

/// Fills `out` from the policy text. Returns false when the text could not be read as a
/// policy at all (too large, too deeply nested, not YAML, not a mapping); problems inside a
/// readable file are reported and reading goes on, so that all of them are found.
[[nodiscard]] bool read_table_spec(const source_text& source, diagnostic_sink& sink,
                                   table_spec& out);

}  // namespace arrears::detail::rules
