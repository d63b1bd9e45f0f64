#pragma once
// Limitation deadlines of a case's open claims under a jurisdiction: so that no claim
// prescribes silently (playbook §4).

#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/collection_case.hpp>

#include <optional>
#include <string>
#include <vector>

namespace arrears {

/// The deadline of one open claim.
struct claim_limitation {
  std::string claim_id;
  limitation_result result;
};

/// The limitation deadline of every open claim, earliest first. The case's interruptions
/// (collection_case::limitation_interruptions) count for every claim that was already due
/// when they happened: a reminder or an acknowledgement covers all the debtor's open debt.
/// `consumer_sale_of_goods` selects the short NL period of art. 7:28 BW for all claims.
[[nodiscard]] std::vector<claim_limitation> limitation_of_open_claims(const collection_case& c,
                                                                      const jurisdiction& law,
                                                                      bool consumer_sale_of_goods = false);

/// The earliest deadline among the open claims; empty when nothing is open.
[[nodiscard]] std::optional<claim_limitation> earliest_limitation(const collection_case& c,
                                                                  const jurisdiction& law,
                                                                  bool consumer_sale_of_goods = false);

}  // namespace arrears
