#include <arrears/model/case_limitation.hpp>

#include <algorithm>
#include <span>

namespace arrears {

std::vector<claim_limitation> limitation_of_open_claims(const collection_case& c,
                                                        const jurisdiction& law,
                                                        bool consumer_sale_of_goods) {
  std::vector<claim_limitation> deadlines;
  for (const claim_balance& balance : c.claims()) {
    if (!balance.open.is_positive()) continue;
    limitation_request request;
    request.due_date = balance.invoice.due_date;
    request.consumer_sale_of_goods = consumer_sale_of_goods;
    for (const interruption& event : c.limitation_interruptions())
      if (event.on > balance.invoice.due_date) request.interruptions.push_back(event);
    deadlines.push_back({balance.invoice.id, law.limitation(request)});
  }
  std::stable_sort(deadlines.begin(), deadlines.end(), [](const auto& a, const auto& b) {
    return a.result.deadline < b.result.deadline;
  });
  return deadlines;
}

std::optional<claim_limitation> earliest_limitation(const collection_case& c,
                                                    const jurisdiction& law,
                                                    bool consumer_sale_of_goods) {
  auto deadlines = limitation_of_open_claims(c, law, consumer_sale_of_goods);
  if (deadlines.empty()) return std::nullopt;
  return std::move(deadlines.front());
}

std::optional<date> earliest_limitation_deadline(const collection_case& c, const jurisdiction& law,
                                                 bool consumer_sale_of_goods) {
  const std::span<const interruption> interruptions = c.limitation_interruptions();
  std::optional<date> earliest;
  for (const claim_balance& balance : c.claims()) {
    if (!balance.open.is_positive()) continue;
    const date due = balance.invoice.due_date;
    // The interruptions are in date order, so those dated after the due date (the ones
    // limitation_of_open_claims copies) are a suffix: view it instead of copying.
    const auto first_counting =
        std::partition_point(interruptions.begin(), interruptions.end(),
                             [due](const interruption& event) { return event.on <= due; });
    const date deadline = law.limitation_deadline(
        {due, consumer_sale_of_goods, {first_counting, interruptions.end()}});
    if (!earliest || deadline < *earliest) earliest = deadline;
    // Claims come in due-date order, and a later due date never gives an earlier deadline:
    // its period starts later, and the interruptions that count for it also count for every
    // claim due before it. So the first open claim decides (law_queries_test checks this
    // against earliest_limitation for every pack).
    break;
  }
  return earliest;
}

}  // namespace arrears
