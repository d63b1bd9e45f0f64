// The books' view of what debtors owe.

#include <arrears/model/ledger.hpp>

#include <algorithm>

namespace arrears {

std::string ledger_problem::to_string() const {
  std::string out = source + ":" + std::to_string(line) + ": ";
  if (!field.empty()) out += field + ": ";
  return out + message;
}

const ledger_debtor* ledger::find_debtor(std::string_view id) const noexcept {
  const auto found = std::find_if(debtors.begin(), debtors.end(),
                                  [&](const ledger_debtor& d) { return d.profile.id == id; });
  return found == debtors.end() ? nullptr : &*found;
}

ledger_debtor* ledger::find_debtor(std::string_view id) noexcept {
  const auto found = std::find_if(debtors.begin(), debtors.end(),
                                  [&](const ledger_debtor& d) { return d.profile.id == id; });
  return found == debtors.end() ? nullptr : &*found;
}

}  // namespace arrears
