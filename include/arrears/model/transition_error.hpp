#pragma once
// The typed refusal of an event by a case.

#include <arrears/core/error.hpp>
#include <arrears/model/case_state.hpp>
#include <arrears/model/events.hpp>

#include <string>

namespace arrears {

/// Why a case refused an event. The case is unchanged.
struct rejection {
  errc code = errc::event_not_allowed;
  case_state state = case_state::current;  ///< the state the event met
  event_type type = event_type::claim_added;
  std::string message;  ///< names the case, the event, the state and what was expected
};

/// Thrown by collection_case::apply; carries the rejection.
class transition_error : public error {
 public:
  explicit transition_error(rejection why)
      : error(why.code, why.message), rejection_(std::move(why)) {}
  [[nodiscard]] const rejection& why() const noexcept { return rejection_; }
  [[nodiscard]] case_state state() const noexcept { return rejection_.state; }
  [[nodiscard]] event_type type() const noexcept { return rejection_.type; }

 private:
  rejection rejection_;
};

}  // namespace arrears
