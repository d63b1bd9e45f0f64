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
[[nodiscard]] std::vector<claim_limitation> limitation_of_open_claims(
    const collection_case& c, const jurisdiction& law, bool consumer_sale_of_goods = false);

/// The earliest deadline among the open claims; empty when nothing is open.
[[nodiscard]] std::optional<claim_limitation> earliest_limitation(
    const collection_case& c, const jurisdiction& law, bool consumer_sale_of_goods = false);

/// earliest_limitation(c, law, consumer_sale_of_goods)->result.deadline, or empty when
/// nothing is open, without the basis texts or the list of claims: it asks
/// jurisdiction::limitation_deadline for the open claim due first, with a view of the case's
/// interruptions dated after its due date (those that count for it; they are a suffix of
/// collection_case::limitation_interruptions, which is in date order), so with the built-in
/// packs it does not allocate. That claim's deadline is the earliest as long as a later due
/// date never gives an earlier deadline, which holds for every built-in pack (a later period
/// starts later, and what interrupts it also interrupts the claims due before it); a pack
/// of your own for which it does not hold should use earliest_limitation. For the policy engine, which asks it for every case
/// on every review. Throws as jurisdiction::limitation does (e.g. the EU pack, which has no
/// limitation rule, throws as soon as a claim is open).
[[nodiscard]] std::optional<date> earliest_limitation_deadline(const collection_case& c,
                                                               const jurisdiction& law,
                                                               bool consumer_sale_of_goods = false);

}  // namespace arrears
