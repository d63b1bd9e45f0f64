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

namespace arrears {
struct event;
}

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
///
/// The context is "<context>: <subject>" (either may be empty), composed only for a message;
/// both must outlive the reader.
class field_reader {
 public:
  field_reader(const boost::json::object& object, std::string_view context,
               std::string_view subject = {}) noexcept
      : object_(&object), context_(context), subject_(subject) {}

  /// A reader for an object nested in a field of this one ("schedule[0].");
  /// it shares this object's currency.
  [[nodiscard]] field_reader nested(const boost::json::object& object,
                                    std::string_view field_prefix) const;

  [[nodiscard]] std::string context() const;
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
  std::string_view context_;
  std::string_view subject_;
  std::string prefix_;
  const field_reader* root_ = nullptr;  ///< owner of the currency, for nested readers
  mutable std::optional<arrears::currency> currency_;
};

/// Appends `text` as a JSON string: quoted, with '"', '\\' and control characters escaped as
/// boost::json::serialize escapes them (\b \t \n \f \r, else \u00xx), every other byte as it is.
void append_quoted(std::string& out, std::string_view text);

/// Writes the fields of one JSON object as text, in the order they are put, the way
/// boost::json::serialize writes an object (no spaces). Amounts are written as decimal strings
/// in one currency; with `emit_currency`, close() puts "currency" right after the last amount.
class field_writer {
 public:
  /// Writes into a buffer of its own, for finish(). `context` names the object in error
  /// messages ("payment_received").
  field_writer(arrears::currency in, bool emit_currency, std::string context)
      : field_writer(own_, in, emit_currency, std::move(context)) {}
  /// Appends the object to `out`, which must outlive the writer.
  field_writer(std::string& out, arrears::currency in, bool emit_currency, std::string context)
      : out_(&out), currency_(in), emit_currency_(emit_currency), context_(std::move(context)) {
    out_->push_back('{');
  }
  field_writer(const field_writer&) = delete;
  field_writer& operator=(const field_writer&) = delete;

  [[nodiscard]] arrears::currency object_currency() const noexcept { return currency_; }
  [[nodiscard]] const std::string& context() const noexcept { return context_; }
  /// Any JSON value, serialized.
  void put(std::string_view field, const boost::json::value& value);
  void put_string(std::string_view field, std::string_view value) {
    append_quoted(key(field), value);
  }
  void put_integer(std::string_view field, std::int64_t value);
  void put_bool(std::string_view field, bool value) { key(field) += value ? "true" : "false"; }
  void put_strings(std::string_view field, std::span<const std::string> values);
  void put_amount(std::string_view field, money amount);
  void put_date(std::string_view field, date on);
  /// Writes `field`'s key and hands back the text to append its value to (one JSON value).
  [[nodiscard]] std::string& key(std::string_view field);
  /// Marks the field just put (e.g. an array of objects with amounts) as holding amounts, so
  /// that "currency" follows it.
  void note_amount_field() noexcept {
    currency_at_ = out_->size();
    has_amount_ = true;
  }
  /// A zero amount in any currency is written as zero in this object's currency; any other
  /// amount must be in it (error{errc::currency_mismatch}).
  [[nodiscard]] std::string amount_text(money amount, std::string_view field) const;
  /// error{errc::invalid_argument} for a special date, which has no text form.
  [[nodiscard]] std::string date_text(date on, std::string_view field) const;
  /// Ends the object: "currency" after the last amount (with `emit_currency`), then '}'.
  void close();
  /// close(), then the object as written (only for a writer with a buffer of its own).
  [[nodiscard]] boost::json::object finish();

 private:
  std::string own_;
  std::string* out_;
  arrears::currency currency_;
  bool emit_currency_;
  std::string context_;
  std::size_t currency_at_ = 0;
  bool has_amount_ = false;
  bool first_ = true;
};

/// Appends the event's JSON text to `out` (event_json.hpp, append_json); with a `case_id`, a
/// "case" field first (an event-stream line). On an exception `out` is left as it was.
void write_event(std::string& out, const event& e, std::optional<std::string_view> case_id);

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
