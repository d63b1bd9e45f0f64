#pragma once
// Where a case stands, and how a closed case ended.

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

/// The states of a case (docs/state-machine.md). `current`, `overdue` and `disputed` are
/// the "ladder" states: which of them holds is always what the balances say on the date
/// of the latest event (see collection_case::state_on for a later date).
enum class case_state : std::uint8_t {
  current,         ///< nothing is overdue
  overdue,         ///< undisputed money is past its due date
  promised,        ///< the debtor promised to pay by a date; dunning pauses until then
  in_arrangement,  ///< an instalment plan is running
  disputed,        ///< all overdue money is disputed (or found justified, awaiting credit)
  with_agency,     ///< handed to a collection agency
  in_legal,        ///< court or bailiff proceedings started
  closed,          ///< nothing open; see case_outcome
};
BOOST_DESCRIBE_ENUM(case_state, current, overdue, promised, in_arrangement, disputed, with_agency,
                    in_legal, closed)
inline constexpr int case_state_count = 8;

/// How a closed case ended: the kind of settlement that cleared the last open money.
enum class case_outcome : std::uint8_t {
  open,  ///< not closed
  paid,
  credited,
  written_off_goodwill,
  written_off_uncollectible,
  prescribed,
};
BOOST_DESCRIBE_ENUM(case_outcome, open, paid, credited, written_off_goodwill,
                    written_off_uncollectible, prescribed)

}  // namespace arrears
