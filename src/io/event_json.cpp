// Events <-> JSON. Most event types map member for member, driven by Boost.Describe; claims,
// credit notes and debtor profiles are written flat (accounting software writes those by
// hand), and a short table renames or re-classifies the few members that need it.

#include "json_detail.hpp"
#include "json_fields.hpp"

#include <arrears/io/event_json.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/string.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <charconv>
#include <climits>
#include <iterator>
#include <string>
#include <utility>
#include <variant>

namespace arrears {

namespace json = boost::json;

// ------------------------------------------------------------------------------------------
// detail: messages, suggestions, the reader and the writer
// ------------------------------------------------------------------------------------------

namespace detail {

std::string_view json_kind(const json::value& value) noexcept {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

field_reader field_reader::nested(const json::object& object, std::string_view field_prefix) const {
  field_reader reader(object, context_, subject_);
  reader.prefix_ = prefix_ + std::string(field_prefix);
  reader.root_ = root_ != nullptr ? root_ : this;
  return reader;
}

std::string field_reader::context() const {
  std::string text(context_);
  if (!text.empty() && !subject_.empty()) text += ": ";
  text += subject_;
  return text;
}

void field_reader::fail(errc code, std::string_view field, std::string_view what) const {
  std::string message = context();
  if (!message.empty()) message += ": ";
  message += "field '" + prefix_ + std::string(field) + "': " + std::string(what);
  throw error(code, message);
}

void field_reader::fail_missing(std::string_view field, std::string_view expected) const {
  fail(errc::missing_field, field, "missing; expected " + std::string(expected));
}

void field_reader::reject_unknown_fields(std::span<const std::string_view> known) const {
  for (const auto& entry : *object_) {
    const std::string_view key = entry.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string what = "unknown field" + did_you_mean(key, known);
    if (closest_name(key, known).empty()) {
      what += "; expected one of";
      for (std::size_t i = 0; i < known.size(); ++i)
        what += (i == 0 ? " '" : ", '") + std::string(known[i]) + "'";
    }
    fail(errc::unknown_field, key, what);
  }
}

const json::value* field_reader::find(std::string_view field) const noexcept {
  const json::value* value = object_->if_contains(field);
  return value == nullptr || value->is_null() ? nullptr : value;
}

std::string_view field_reader::string_of(std::string_view field, const json::value& value,
                                         std::string_view expected) const {
  if (!value.is_string())
    fail(errc::wrong_type, field,
         "expected " + std::string(expected) + ", got " + std::string(json_kind(value)));
  const json::string& text = value.get_string();
  return {text.data(), text.size()};
}

currency field_reader::object_currency() const {
  if (root_ != nullptr) return root_->object_currency();
  if (currency_) return *currency_;
  constexpr std::string_view expected = "an ISO 4217 code such as \"EUR\"";
  const json::value* value = find("currency");
  if (value == nullptr)
    fail(errc::missing_field, "currency",
         "missing; an object with amounts names their currency, " + std::string(expected));
  const std::string_view code = string_of("currency", *value, expected);
  currency parsed;
  if (!currency::try_from_code(code, parsed))
    fail(errc::unknown_currency, "currency",
         "unknown currency '" + std::string(code) + "'; expected " + std::string(expected));
  currency_ = parsed;
  return parsed;
}

void field_reader::check_currency_if_present() const {
  if (find("currency") != nullptr) (void)object_currency();
}

std::string field_writer::amount_text(money amount, std::string_view field) const {
  if (amount.currency() == currency_) return format_amount(amount);
  if (amount.is_zero()) return format_amount(money::zero(currency_));
  throw error(errc::currency_mismatch,
              context_ + ": field '" + std::string(field) + "' is in " +
                  to_string(amount.currency()) + " but the object's other amounts are in " +
                  std::string(currency_.code()) + "; one JSON object carries one currency");
}

std::string field_writer::date_text(date on, std::string_view field) const {
  if (on.is_special())
    throw error(errc::invalid_argument, context_ + ": field '" + std::string(field) +
                                            "' holds no date, which has no JSON form");
  return to_iso(on);
}

void append_quoted(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
    out.push_back('\\');
    switch (c) {
      case '"':
      case '\\':
        out.push_back(static_cast<char>(c));
        break;
      case '\b':
        out.push_back('b');
        break;
      case '\t':
        out.push_back('t');
        break;
      case '\n':
        out.push_back('n');
        break;
      case '\f':
        out.push_back('f');
        break;
      case '\r':
        out.push_back('r');
        break;
      default:
        out += "u00";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
  }
  out.append(text, plain_from);
  out.push_back('"');
}

std::string& field_writer::key(std::string_view field) {
  if (!first_) out_->push_back(',');
  first_ = false;
  append_quoted(*out_, field);
  out_->push_back(':');
  return *out_;
}

void field_writer::put(std::string_view field, const json::value& value) {
  key(field) += json::serialize(value);
}

void field_writer::put_integer(std::string_view field, std::int64_t value) {
  char digits[24];
  const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
  key(field).append(digits, written.ptr);
}

void field_writer::put_strings(std::string_view field, std::span<const std::string> values) {
  std::string& out = key(field);
  out.push_back('[');
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) out.push_back(',');
    append_quoted(out, values[i]);
  }
  out.push_back(']');
}

void field_writer::put_amount(std::string_view field, money amount) {
  put_string(field, amount_text(amount, field));
  note_amount_field();
}

void field_writer::put_date(std::string_view field, date on) {
  put_string(field, date_text(on, field));
}

void field_writer::close() {
  if (emit_currency_ && has_amount_) {
    // An ISO code is three letters: nothing to escape, and no string to build.
    const std::string_view code = currency_.code();
    constexpr std::string_view field = ",\"currency\":\"";
    out_->insert(currency_at_, code.size() + field.size() + 1, '"');
    out_->replace(currency_at_, field.size(), field);
    out_->replace(currency_at_ + field.size(), code.size(), code);
  }
  out_->push_back('}');
}

json::object field_writer::finish() {
  close();
  return json::parse(own_).as_object();
}

}  // namespace detail

// ------------------------------------------------------------------------------------------
// field values: what each C++ type looks like in JSON
// ------------------------------------------------------------------------------------------

namespace {

using detail::append_quoted;
using detail::array_field;
using detail::currency_scan;
using detail::element_name;
using detail::expectation;
using detail::field_reader;
using detail::field_writer;
using detail::is_optional;
using detail::is_vector;
using detail::member_names;
using detail::quoted_names;
using detail::read_field;
using detail::read_required;
using detail::tag;

// write_field: the JSON form of a value (the caller decides whether it is written at all).

void write_field(field_writer& writer, std::string_view field, const std::string& value) {
  writer.put_string(field, value);
}
void write_field(field_writer& writer, std::string_view field, int value) {
  writer.put_integer(field, value);
}
void write_field(field_writer& writer, std::string_view field, bool value) {
  writer.put_bool(field, value);
}
void write_field(field_writer& writer, std::string_view field, date value) {
  writer.put_date(field, value);
}
void write_field(field_writer& writer, std::string_view field, money value) {
  writer.put_amount(field, value);
}
void write_field(field_writer& writer, std::string_view field, payment_terms value) {
  writer.put_string(field, to_string(value));
}
template <class E>
requires std::is_enum_v<E>
void write_field(field_writer& writer, std::string_view field, E value) {
  const auto name = detail::enum_name(value);
  if (name == "?")
    throw error(errc::invalid_argument, writer.context() + ": field '" + std::string(field) +
                                            "' holds " +
                                            std::to_string(static_cast<long long>(value)) +
                                            ", which is not one of " + quoted_names<E>());
  writer.put_string(field, name);
}
template <class T>
void write_field(field_writer& writer, std::string_view field, const std::optional<T>& value) {
  if (value) write_field(writer, field, *value);
}
void write_field(field_writer& writer, std::string_view field,
                 const std::vector<std::string>& values) {
  writer.put_strings(field, values);
}
void write_field(field_writer& writer, std::string_view field,
                 const std::vector<instalment>& schedule) {
  std::string& out = writer.key(field);
  out.push_back('[');
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    const std::string name = element_name(field, i);
    out += i == 0 ? "{\"due\":" : ",{\"due\":";
    append_quoted(out, writer.date_text(schedule[i].due, name + ".due"));
    out += ",\"amount\":";
    append_quoted(out, writer.amount_text(schedule[i].amount, name + ".amount"));
    out.push_back('}');
  }
  out.push_back(']');
  writer.note_amount_field();
}

// scan: the amounts a value contributes to its object's currency.
void scan(currency_scan& amounts, money value) { amounts.add(value); }
void scan(currency_scan& amounts, const std::optional<money>& value) {
  if (value) amounts.add(*value);
}
void scan(currency_scan& amounts, const std::vector<instalment>& schedule) {
  for (const auto& step : schedule) amounts.add(step.amount);
}
void scan(currency_scan& amounts, const claim& value) {
  amounts.add(value.amount);
  amounts.add(value.vat);
}
void scan(currency_scan& amounts, const debtor_profile& value) {
  amounts.add(value.relationship_value);
}
template <class T>
void scan(currency_scan&, const T&) {}

template <class T>
constexpr bool carries_amounts =
    std::is_same_v<T, money> || std::is_same_v<T, std::optional<money>> ||
    std::is_same_v<T, std::vector<instalment>>;

// ------------------------------------------------------------------------------------------
// event bodies
// ------------------------------------------------------------------------------------------

template <class T>
constexpr event_type type_of = static_cast<event_type>(boost::mp11::mp_find<event_body, T>::value);

/// Where a member's JSON form departs from the default (JSON name = member name; required
/// unless it is a string, a vector or an optional, which are omitted when empty).
struct member_override {
  event_type type;
  std::optional<bool> required;  ///< empty: by type, as above
  std::string_view member;
  std::string_view json_name;  ///< empty: the member name
};
constexpr member_override member_overrides[] = {
    {event_type::call_logged, std::nullopt, "reason_learned", "reason"},
    // A dispute without a claim means nothing; say so at the JSON level.
    {event_type::dispute_opened, true, "claim", {}},
    {event_type::evidence_added, true, "claim", {}},
    {event_type::dispute_resolved, true, "claim", {}},
    {event_type::arrangement_agreed, true, "schedule", {}},
    // Defaults that mean something: category "other", justified_amount "what the verdict says".
    {event_type::dispute_opened, false, "category", {}},
    {event_type::dispute_resolved, false, "justified_amount", {}},
};

struct member_rule {
  std::string_view json_name;
  bool required;
};

template <class T, class M>
member_rule rule_for(std::string_view member) {
  member_rule rule{
      member, !(std::is_same_v<M, std::string> || is_vector<M>::value || is_optional<M>::value)};
  for (const auto& entry : member_overrides) {
    if (entry.type != type_of<T> || entry.member != member) continue;
    if (!entry.json_name.empty()) rule.json_name = entry.json_name;
    if (entry.required) rule.required = *entry.required;
  }
  return rule;
}

template <class T>
using public_members = boost::describe::describe_members<T, boost::describe::mod_public>;

/// The generic mapping: one JSON field per described member.
template <class T>
struct body_codec {
  static const std::vector<std::string_view>& fields() {
    static const std::vector<std::string_view> names = [] {
      std::vector<std::string_view> result;
      bool amounts = false;
      boost::mp11::mp_for_each<public_members<T>>([&](auto member) {
        using M = std::remove_cvref_t<decltype(std::declval<T&>().*member.pointer)>;
        result.push_back(rule_for<T, M>(member.name).json_name);
        amounts = amounts || carries_amounts<M>;
      });
      if (amounts) result.emplace_back("currency");
      return result;
    }();
    return names;
  }

  static T read(const field_reader& reader) {
    T body{};
    boost::mp11::mp_for_each<public_members<T>>([&](auto member) {
      auto& value = body.*member.pointer;
      const auto rule = rule_for<T, std::remove_cvref_t<decltype(value)>>(member.name);
      if (rule.required)
        read_required(reader, rule.json_name, value);
      else
        (void)read_field(reader, rule.json_name, value);
    });
    return body;
  }

  static void scan_amounts(currency_scan& amounts, const T& body) {
    boost::mp11::mp_for_each<public_members<T>>(
        [&](auto member) { scan(amounts, body.*member.pointer); });
  }

  static void write(field_writer& writer, const T& body) {
    [[maybe_unused]] static const T defaults{};
    boost::mp11::mp_for_each<public_members<T>>([&](auto member) {
      const auto& value = body.*member.pointer;
      const auto rule = rule_for<T, std::remove_cvref_t<decltype(value)>>(member.name);
      if (rule.required || !(value == defaults.*member.pointer))
        write_field(writer, rule.json_name, value);
    });
  }
};

/// claim_added: the invoice's fields flat; due_date may come from terms.
template <>
struct body_codec<claim_added> {
  static const std::vector<std::string_view>& fields() {
    static const std::vector<std::string_view> names{
        "claim",       "issue_date",           "due_date", "amount", "vat", "currency",
        "description", "has_required_content", "terms"};
    return names;
  }
  static claim_added read(const field_reader& reader) {
    claim invoice;
    invoice.kind = claim_kind::invoice;
    read_required(reader, "claim", invoice.id);
    read_required(reader, "issue_date", invoice.issue_date);
    const bool has_due_date = read_field(reader, "due_date", invoice.due_date);
    read_required(reader, "amount", invoice.amount);
    if (!read_field(reader, "vat", invoice.vat))
      invoice.vat = money::zero(invoice.amount.currency());
    (void)read_field(reader, "description", invoice.description);
    (void)read_field(reader, "has_required_content", invoice.has_required_content);
    (void)read_field(reader, "terms", invoice.terms);
    if (!has_due_date) {
      if (!invoice.terms)
        reader.fail(errc::missing_field, "due_date",
                    "missing; expected a date string such as \"2025-03-31\", or \"terms\" to "
                    "compute it from");
      try {
        invoice.due_date = due_date(invoice.issue_date, *invoice.terms);
      } catch (const error& failure) {
        reader.fail(failure.code(), "terms", failure.what());
      }
    }
    return {std::move(invoice)};
  }
  static void scan_amounts(currency_scan& amounts, const claim_added& body) {
    scan(amounts, body.invoice);
  }
  static void write(field_writer& writer, const claim_added& body) {
    detail::write_invoice_fields(writer, body.invoice);
  }
};

/// credit_note_issued: the credit note's fields flat; its due date is its issue date.
template <>
struct body_codec<credit_note_issued> {
  static const std::vector<std::string_view>& fields() {
    static const std::vector<std::string_view> names{"credit_note", "issue_date",  "amount", "vat",
                                                     "currency",    "description", "against"};
    return names;
  }
  static credit_note_issued read(const field_reader& reader) {
    credit_note_issued body;
    claim& note = body.credit_note;
    note.kind = claim_kind::credit_note;
    read_required(reader, "credit_note", note.id);
    read_required(reader, "issue_date", note.issue_date);
    note.due_date = note.issue_date;
    read_required(reader, "amount", note.amount);
    if (!read_field(reader, "vat", note.vat)) note.vat = money::zero(note.amount.currency());
    (void)read_field(reader, "description", note.description);
    (void)read_field(reader, "against", body.against);
    return body;
  }
  static void scan_amounts(currency_scan& amounts, const credit_note_issued& body) {
    scan(amounts, body.credit_note);
  }
  static void write(field_writer& writer, const credit_note_issued& body) {
    detail::write_credit_note_fields(writer, body.credit_note);
    if (!body.against.empty()) write_field(writer, "against", body.against);
  }
};

/// debtor_updated: the profile's fields flat, contact details included.
template <>
struct body_codec<debtor_updated> {
  static const std::vector<std::string_view>& fields() {
    static const std::vector<std::string_view> names{
        "debtor",   "name",  "kind",           "language",
        "email",    "phone", "postal_address", "relationship_value",
        "currency", "terms"};
    return names;
  }
  static debtor_updated read(const field_reader& reader) {
    debtor_profile profile;
    read_required(reader, "debtor", profile.id);
    read_required(reader, "name", profile.name);
    read_required(reader, "kind", profile.kind);
    (void)read_field(reader, "language", profile.language);
    (void)read_field(reader, "email", profile.contact.email);
    (void)read_field(reader, "phone", profile.contact.phone);
    (void)read_field(reader, "postal_address", profile.contact.postal_address);
    (void)read_field(reader, "relationship_value", profile.relationship_value);
    (void)read_field(reader, "terms", profile.terms);
    return {std::move(profile)};
  }
  static void scan_amounts(currency_scan& amounts, const debtor_updated& body) {
    scan(amounts, body.debtor);
  }
  static void write(field_writer& writer, const debtor_updated& body) {
    detail::write_debtor_fields(writer, body.debtor);
  }
};

constexpr std::string_view common_fields[] = {"type", "date", "actor", "note"};

template <class T>
const std::vector<std::string_view>& known_fields() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result(std::begin(common_fields), std::end(common_fields));
    const auto& own = body_codec<T>::fields();
    result.insert(result.end(), own.begin(), own.end());
    return result;
  }();
  return names;
}

const std::vector<std::string_view>& event_type_names() { return detail::enum_names<event_type>(); }

}  // namespace

// ------------------------------------------------------------------------------------------
// detail: the flat forms shared with case snapshots
// ------------------------------------------------------------------------------------------

namespace detail {

void write_invoice_fields(field_writer& writer, const claim& invoice) {
  write_field(writer, "claim", invoice.id);
  write_field(writer, "issue_date", invoice.issue_date);
  write_field(writer, "due_date", invoice.due_date);
  write_field(writer, "amount", invoice.amount);
  if (!invoice.vat.is_zero()) write_field(writer, "vat", invoice.vat);
  if (!invoice.description.empty()) write_field(writer, "description", invoice.description);
  if (!invoice.has_required_content) write_field(writer, "has_required_content", false);
  write_field(writer, "terms", invoice.terms);
}

void write_credit_note_fields(field_writer& writer, const claim& note) {
  write_field(writer, "credit_note", note.id);
  write_field(writer, "issue_date", note.issue_date);
  write_field(writer, "amount", note.amount);
  if (!note.vat.is_zero()) write_field(writer, "vat", note.vat);
  if (!note.description.empty()) write_field(writer, "description", note.description);
}

void write_debtor_fields(field_writer& writer, const debtor_profile& profile) {
  write_field(writer, "debtor", profile.id);
  write_field(writer, "name", profile.name);
  write_field(writer, "kind", profile.kind);
  write_field(writer, "language", profile.language);
  if (!profile.contact.email.empty()) write_field(writer, "email", profile.contact.email);
  if (!profile.contact.phone.empty()) write_field(writer, "phone", profile.contact.phone);
  if (!profile.contact.postal_address.empty())
    write_field(writer, "postal_address", profile.contact.postal_address);
  if (profile.relationship_value != money{})
    write_field(writer, "relationship_value", profile.relationship_value);
  write_field(writer, "terms", profile.terms);
}

currency currency_of(const debtor_profile& profile) {
  currency_scan amounts;
  scan(amounts, profile);
  return amounts.result();
}

}  // namespace detail

// ------------------------------------------------------------------------------------------
// the public functions
// ------------------------------------------------------------------------------------------

namespace detail {

void write_event(std::string& out, const event& e, std::optional<std::string_view> case_id) {
  const std::size_t start = out.size();
  try {
    std::visit(
        [&](const auto& body) {
          using T = std::remove_cvref_t<decltype(body)>;
          currency_scan amounts;
          body_codec<T>::scan_amounts(amounts, body);
          field_writer writer(out, amounts.result(), true, event_type_name(e.type()));
          if (case_id) writer.put_string("case", *case_id);
          writer.put_string("type", event_type_name(e.type()));
          writer.put_date("date", e.meta.on);
          body_codec<T>::write(writer, body);
          if (!e.meta.actor.empty()) writer.put_string("actor", e.meta.actor);
          if (!e.meta.note.empty()) writer.put_string("note", e.meta.note);
          writer.close();
        },
        e.body);
  } catch (...) {
    out.resize(start);  // nothing half-written
    throw;
  }
}

}  // namespace detail

void append_json(std::string& out, const event& e) { detail::write_event(out, e, std::nullopt); }

json::object to_json(const event& e) {
  std::string text;
  append_json(text, e);
  return json::parse(text).as_object();
}

event event_from_json(const json::object& object, std::string_view where) {
  const field_reader top(object, where);
  constexpr std::string_view expected_type = "an event type such as \"payment_received\"";
  const json::value* type_value = top.find("type");
  if (type_value == nullptr) top.fail_missing("type", expected_type);
  const std::string_view type_name = top.string_of("type", *type_value, expected_type);
  event_type type{};
  if (!detail::enum_from_name(type_name, type)) {
    std::string what = "unknown event type '" + std::string(type_name) + "'";
    const std::string suggestion = detail::did_you_mean(type_name, event_type_names());
    what += suggestion.empty()
                ? "; docs/events.md lists the " + std::to_string(event_type_count) + " event types"
                : suggestion;
    top.fail(errc::unknown_event_type, "type", what);
  }

  const field_reader reader(object, where, type_name);
  return boost::mp11::mp_with_index<event_type_count>(
      static_cast<std::size_t>(type), [&](auto index) {
        using T = std::variant_alternative_t<decltype(index)::value, event_body>;
        reader.reject_unknown_fields(known_fields<T>());
        date on;
        read_required(reader, "date", on);
        std::string actor;
        std::string note;
        (void)read_field(reader, "actor", actor);
        (void)read_field(reader, "note", note);
        T body = body_codec<T>::read(reader);
        reader.check_currency_if_present();
        return event(on, std::move(body), std::move(actor), std::move(note));
      });
}

}  // namespace arrears
