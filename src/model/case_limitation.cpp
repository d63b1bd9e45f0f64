#include <arrears/model/case_limitation.hpp>

#include <algorithm>

namespace arrears {

std::vector<claim_limitation> limitation_of_open_claims(const collection_case& c, const jurisdiction& law,
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

std::optional<claim_limitation> earliest_limitation(const collection_case& c, const jurisdiction& law,
                                                    bool consumer_sale_of_goods) {
  auto deadlines = limitation_of_open_claims(c, law, consumer_sale_of_goods);
  if (deadlines.empty()) return std::nullopt;
  return std::move(deadlines.front());
}

}  // namespace arrears
