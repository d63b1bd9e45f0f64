#pragma once
// A case in words for the console: its state, claims and history, as `arrears replay` and
// `arrears explain` print them. Private to src/cli.

#include <arrears/model/collection_case.hpp>

#include <string>

namespace arrears::cli {

/// "<id>  <debtor> (<kind>)  <state>  open ...  held ...", the claims, then one line per
/// event of the history: date, type, actor, its fields and its note.
void append_case(std::string& out, const collection_case& c);

}  // namespace arrears::cli
