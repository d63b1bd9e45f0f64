#pragma once
// An action the daily run put on a day's worklist, and whether it was carried out. The store
// keeps every proposal with its day, so a second run on the same day proposes nothing twice,
// and `arrears explain` can show every decision with its reasons.

#include <arrears/core/date.hpp>
#include <arrears/policy/decision.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace arrears {

/// Who confirmed that a proposed action was carried out, on which day, and what they noted.
struct completion {
  date on;
  std::string actor;
  std::string note;
  friend bool operator==(const completion&, const completion&) = default;
};

struct proposal {
  /// The action id: what `arrears done ID` confirms. Unique in the store, increasing.
  std::int64_t id = 0;
  std::string case_id;
  /// The day the run proposed it.
  date day;
  /// The decision as the policy took it, reasons included.
  decision proposed;
  /// Set once the action was confirmed as carried out.
  std::optional<completion> done;
  friend bool operator==(const proposal&, const proposal&) = default;
};

}  // namespace arrears
