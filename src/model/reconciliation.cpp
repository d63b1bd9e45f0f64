// Reconciling the books with arrears (docs/ledger.md, "Reconciliation").

#include <arrears/model/reconciliation.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace arrears {
namespace {

constexpr const char* ledger_actor = "ledger";

/// The id of a debtor's next case: the debtor id, then "<debtor id>/2", "/3", ...
std::string next_case_id(const std::string& debtor_id, const collection_case* latest) {
  if (latest == nullptr) return debtor_id;
  const std::string& id = latest->id();
  if (id.size() > debtor_id.size() + 1 && id.starts_with(debtor_id) &&
      id[debtor_id.size()] == '/') {
    int n = 0;
    const char* first = id.data() + debtor_id.size() + 1;
    const char* last = id.data() + id.size();
    if (const auto [end, ec] = std::from_chars(first, last, n); ec == std::errc() && end == last)
      return debtor_id + "/" + std::to_string(n + 1);
  }
  return debtor_id + "/2";
}

/// The profile the books give, keeping what only arrears knows (goodwill, marketing live
/// outside the profile): the payment term and relationship value when the books did not say.
debtor_profile merged_profile(const ledger_debtor& books, const debtor_profile* known) {
  debtor_profile out = known != nullptr ? *known : debtor_profile{};
  out.id = books.profile.id;
  out.name = books.profile.name;
  out.kind = books.profile.kind;
  out.language = books.profile.language;
  out.contact = books.profile.contact;
  if (books.has_terms) out.terms = books.profile.terms;
  if (books.has_relationship_value) out.relationship_value = books.profile.relationship_value;
  return out;
}

bool holds_document(const collection_case& c, std::string_view id) {
  if (c.find_claim(id) != nullptr) return true;
  const auto notes = c.credit_notes();
  return std::any_of(notes.begin(), notes.end(), [&](const claim& n) { return n.id == id; });
}

/// Brings one debtor's case in line with its items. The events go to a copy of the case,
/// made at the first event: most debtors' books bring nothing new, and their case is only read.
class debtor_reconciler {
 public:
  /// `known`: the debtor's open case, or nullptr for a new case with id `case_id`.
  debtor_reconciler(const collection_case* known, std::string case_id, std::string debtor_id,
                    date today, std::vector<reconciliation_notice>& notices)
      : known_(known), today_(today), notices_(notices) {
    if (known_ == nullptr) work_.emplace(case_id, history_policy::discard);
    out_.case_id = std::move(case_id);
    out_.debtor_id = std::move(debtor_id);
    out_.opens_case = known_ == nullptr;
  }

  template <class Body>
  void add(Body body, std::string_view document) {
    event e(today_, std::move(body), ledger_actor);
    if (!work_) work_.emplace(*known_);
    if (const auto refused = work_->try_apply(e)) {
      notice(document, "not recorded: " + refused->message);
      return;
    }
    out_.events.push_back(std::move(e));
  }
  void notice(std::string_view document, std::string message) {
    notices_.push_back({out_.case_id, std::string(document), std::move(message)});
  }

  [[nodiscard]] const collection_case& work() const noexcept { return work_ ? *work_ : *known_; }
  [[nodiscard]] case_reconciliation take() { return std::move(out_); }

 private:
  const collection_case* known_;
  std::optional<collection_case> work_;
  date today_;
  std::vector<reconciliation_notice>& notices_;
  case_reconciliation out_;
};

void reconcile_debtor(const ledger_debtor& debtor, const std::vector<const ledger_item*>& items,
                      const collection_case* latest, date today, reconciliation& result) {
  const bool has_open_case = latest != nullptr && !latest->is_closed();
  auto known = [&](std::string_view id) {
    return latest != nullptr && holds_document(*latest, id);
  };
  // What the books credit against each invoice.
  std::unordered_map<std::string_view, money> credited;
  for (const ledger_item* item : items)
    if (item->document.kind == claim_kind::credit_note && !item->against.empty()) {
      auto [at, inserted] = credited.try_emplace(item->against, item->document.amount);
      if (!inserted) at->second += item->document.amount;
    }
  auto books_open = [&](const ledger_item& invoice) {
    const auto at = credited.find(invoice.document.id);
    return at == credited.end() ? invoice.unpaid() : invoice.unpaid() - at->second;
  };

  if (!has_open_case) {
    // Only open invoices arrears has never held start a case; ones settled in the closed
    // case stay settled.
    bool anything_new = false;
    for (const ledger_item* item : items) {
      if (item->document.kind != claim_kind::invoice || !books_open(*item).is_positive()) continue;
      if (!known(item->document.id)) {
        anything_new = true;
      } else {
        result.notices.push_back({latest->id(), item->document.id,
                                  "settled in the closed case, but the books show " +
                                      format_amount(books_open(*item)) + " open"});
      }
    }
    if (!anything_new) return;
  }

  const std::string case_id =
      has_open_case ? latest->id() : next_case_id(debtor.profile.id, latest);
  debtor_reconciler r(has_open_case ? latest : nullptr, case_id, debtor.profile.id, today,
                      result.notices);

  // Who the debtor is.
  const debtor_profile* known_profile = has_open_case ? &latest->debtor().profile : nullptr;
  const debtor_profile profile = merged_profile(debtor, known_profile);
  if (known_profile == nullptr || !(profile == *known_profile)) r.add(debtor_updated{profile}, {});

  // New invoices, then new credit notes (which may be against them).
  std::unordered_set<std::string_view> in_books;
  for (const ledger_item* item : items) {
    in_books.insert(item->document.id);
    if (item->document.kind != claim_kind::invoice || known(item->document.id) ||
        r.work().find_claim(item->document.id) != nullptr || !books_open(*item).is_positive())
      continue;
    r.add(claim_added{item->document}, item->document.id);
  }
  for (const ledger_item* item : items) {
    if (item->document.kind != claim_kind::credit_note || known(item->document.id) ||
        holds_document(r.work(), item->document.id))
      continue;
    r.add(credit_note_issued{item->document, item->against}, item->document.id);
  }

  // Due dates the books moved: the term from the case's issue date to the books' due date.
  for (const ledger_item* item : items) {
    if (item->document.kind != claim_kind::invoice) continue;
    const claim_balance* held = r.work().find_claim(item->document.id);
    if (held == nullptr || !held->open.is_positive() ||
        held->invoice.due_date == item->document.due_date)
      continue;
    const long term = (item->document.due_date - held->invoice.issue_date).days();
    if (term < 0 || term > max_term_days) {
      r.notice(item->document.id, "the books' due date " + to_iso(item->document.due_date) +
                                      " is not a term of 0.." + std::to_string(max_term_days) +
                                      " days from the issue date " +
                                      to_iso(held->invoice.issue_date));
      continue;
    }
    r.add(
        terms_changed{payment_terms{terms_basis::net, static_cast<int>(term)}, {item->document.id}},
        item->document.id);
  }

  // Payments: whatever arrears has open beyond what the books have open was paid.
  for (const ledger_item* item : items) {
    if (item->document.kind != claim_kind::invoice) continue;
    const claim_balance* held = r.work().find_claim(item->document.id);
    if (held == nullptr) continue;
    const money books = books_open(*item);
    const money settled = books.is_negative() ? held->open : held->open - books;
    if (settled.is_positive()) {
      r.add(payment_received{settled, {item->document.id}, "ledger"}, item->document.id);
    } else if (settled.is_negative()) {
      r.notice(item->document.id, "the books show " + format_amount(books) + " open, arrears " +
                                      format_amount(held->open) +
                                      "; arrears cannot undo a payment or credit");
    }
  }

  // Invoices arrears still collects that the books no longer list.
  for (const claim_balance& held : r.work().claims())
    if (held.open.is_positive() && !in_books.contains(held.invoice.id))
      r.notice(held.invoice.id,
               "open in arrears (" + format_amount(held.open) +
                   ") but not in the books; record its payment, credit or write-off, or list "
                   "it with its paid_amount");

  case_reconciliation done = r.take();
  if (!done.events.empty()) result.cases.push_back(std::move(done));
}

}  // namespace

reconciliation reconcile(const ledger& books, date today, const latest_case_lookup& latest_case) {
  std::unordered_map<std::string_view, std::vector<const ledger_item*>> by_debtor;
  by_debtor.reserve(books.debtors.size());
  for (const ledger_item& item : books.items) by_debtor[item.debtor_id].push_back(&item);
  reconciliation result;
  result.cases.reserve(books.debtors.size());  // at most one a debtor: no case moves as it grows
  static const std::vector<const ledger_item*> none;
  for (const ledger_debtor& debtor : books.debtors) {
    const auto items = by_debtor.find(debtor.profile.id);
    reconcile_debtor(debtor, items == by_debtor.end() ? none : items->second,
                     latest_case(debtor.profile.id), today, result);
  }
  return result;
}

reconciliation reconcile(const ledger& books, date today, std::span<const collection_case> known) {
  std::unordered_map<std::string_view, const collection_case*> latest;
  latest.reserve(known.size());
  for (const collection_case& c : known) latest[c.debtor().profile.id] = &c;
  return reconcile(books, today, [&](std::string_view debtor) -> const collection_case* {
    const auto at = latest.find(debtor);
    return at == latest.end() ? nullptr : at->second;
  });
}

}  // namespace arrears
