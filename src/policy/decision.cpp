// Recording the facts a decision read.

#include <arrears/policy/decision.hpp>

namespace arrears {

void record_fact(decision_reason& reason, const facts& f, fact_index index) {
  reason.facts.push_back({index, read_fact(f, index)});
}

}  // namespace arrears
