#pragma once
// Internals shared by the JSON readers and writers in src/io: reading one field at a time
// with messages that name the location and the field, and writing the amounts of one object
// under its one "currency". Not installed; the public API is include/arrears/io/.

#include "../text/closest_name.hpp"

#include <arrears/core/claim.hpp>
#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/payment_terms.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace arrears::detail {

/// "a string", "a number", "an object", ... for "got ..." in error messages.
[[nodiscard]] std::string_view json_kind(const boost::json::value& value) noexcept;

template <class E>
[[nodiscard]] const std::vector<std::string_view>& enum_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
        [&](auto descriptor) { result.emplace_back(descriptor.name); });
    return result;
  }();
  return names;
}

/// enum_from_string for a string_view (Describe's takes a NUL-terminated string).
template <class E>
[[nodiscard]] bool enum_from_name(std::string_view name, E& out) noexcept {
  bool found = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto descriptor) {
    if (!found && name == descriptor.name) {
      found = true;
      out = descriptor.value;
    }
  });
  return found;
}

template <class E>
[[nodiscard]] std::string_view enum_name(E value) {
  std::string_view name = "?";
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto descriptor) {
    if (descriptor.value == value) name = descriptor.name;
  });
  return name;
}

/// Reads the fields of one JSON object. Every failure throws arrears::error with the message
/// "<context>: field '<prefix><name>': <what>", e.g.
/// `events.jsonl:3: payment_received: field 'amount': expected a decimal string such as
/// "12.50", got a number`. A JSON null counts as an absent field.
class field_reader {
 public:
  field_reader(const boost::json::object& object, std::string context) noexcept
      : object_(&object), context_(std::move(context)) {}

  /// A reader for an object nested in a field of this one ("schedule[0].");
  /// it shares this object's currency.
  [[nodiscard]] field_reader nested(const boost::json::object& object,
                                    std::string_view field_prefix) const;

  [[nodiscard]] const std::string& context() const noexcept { return context_; }
  [[nodiscard]] const boost::json::object& object() const noexcept { return *object_; }

  [[noreturn]] void fail(errc code, std::string_view field, std::string_view what) const;
  /// Rejects, with errc::unknown_field and a suggestion, the first key not in `known`.
  void reject_unknown_fields(std::span<const std::string_view> known) const;

  /// The field's value, or nullptr when absent or null.
  [[nodiscard]] const boost::json::value* find(std::string_view field) const noexcept;
  /// The field's string; fails with wrong_type when it is not a string.
  [[nodiscard]] std::string_view string_of(std::string_view field, const boost::json::value& value,
                                           std::string_view expected) const;
  /// The object's "currency"; fails with missing_field, wrong_type or unknown_currency.
  [[nodiscard]] arrears::currency object_currency() const;
  /// Validates "currency" when it is present (also when no amount needs it).
  void check_currency_if_present() const;

  [[noreturn]] void fail_missing(std::string_view field, std::string_view expected) const;

 private:
  const boost::json::object* object_;
  std::string context_;
  std::string prefix_;
  const field_reader* root_ = nullptr;  ///< owner of the currency, for nested readers
  mutable std::optional<arrears::currency> currency_;
};

/// Writes the fields of one JSON object. Amounts are written as decimal strings in one
/// currency; with `emit_currency`, finish() puts "currency" right after the last amount.
class field_writer {
 public:
  /// `context` names the object in error messages ("payment_received").
  field_writer(arrears::currency in, bool emit_currency, std::string context)
      : currency_(in), emit_currency_(emit_currency), context_(std::move(context)) {}

  [[nodiscard]] arrears::currency object_currency() const noexcept { return currency_; }
  [[nodiscard]] const std::string& context() const noexcept { return context_; }
  void put(std::string_view field, boost::json::value value) { object_[field] = std::move(value); }
  void put_amount(std::string_view field, money amount);
  void put_date(std::string_view field, date on) {
    put(field, boost::json::string(date_text(on, field)));
  }
  /// Marks `field` (already put, e.g. an array of objects with amounts) as holding amounts,
  /// so that "currency" follows it.
  void note_amount_field(std::string_view field);
  /// A zero amount in any currency is written as zero in this object's currency; any other
  /// amount must be in it (error{errc::currency_mismatch}).
  [[nodiscard]] std::string amount_text(money amount, std::string_view field) const;
  /// error{errc::invalid_argument} for a special date, which has no text form.
  [[nodiscard]] std::string date_text(date on, std::string_view field) const;
  [[nodiscard]] boost::json::object finish();

 private:
  arrears::currency currency_;
  bool emit_currency_;
  std::string context_;
  boost::json::object object_;
  std::string last_amount_field_;
  bool has_amount_ = false;
};

/// Picks an object's currency: that of the first amount in a currency other than "XXX";
/// "XXX" when there is none.
class currency_scan {
 public:
  void add(money amount) noexcept {
    if (!found_ && amount.currency() != arrears::currency{}) {
      currency_ = amount.currency();
      found_ = true;
    }
  }
  [[nodiscard]] arrears::currency result() const noexcept { return currency_; }

 private:
  arrears::currency currency_{};
  bool found_ = false;
};

// --- the flat forms of claims and debtor profiles (also used by case snapshots) -----------

/// claim_added's fields: claim, issue_date, due_date, amount, vat, description,
/// has_required_content, terms (empty optional ones omitted).
void write_invoice_fields(field_writer& writer, const claim& invoice);
/// credit_note_issued's fields: credit_note, issue_date, amount, vat, description.
void write_credit_note_fields(field_writer& writer, const claim& note);
/// debtor_updated's fields: debtor, name, kind, language, email, phone, postal_address,
/// relationship_value, terms.
void write_debtor_fields(field_writer& writer, const debtor_profile& profile);
/// The currency write_debtor_fields writes the relationship value in.
[[nodiscard]] arrears::currency currency_of(const debtor_profile& profile);

}  // namespace arrears::detail
