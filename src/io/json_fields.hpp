#pragma once
// Internals of the JSON readers in src/io: reading one typed field of an object, with the
// messages of detail::field_reader ("expected ..., got ..."). Not installed.

#include "json_detail.hpp"

#include <arrears/core/error.hpp>
#include <arrears/model/events.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>

#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace arrears::detail {

namespace json = boost::json;

template <class T>
struct tag {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

template <class E>
inline std::string quoted_names() {
  std::string names;
  for (const auto name : detail::enum_names<E>())
    names += (names.empty() ? "\"" : ", \"") + std::string(name) + "\"";
  return names;
}

// What a field of each type must hold, for "missing; expected ..." and "expected ..., got ...".
// Static: read on every field, needed only for a message.
inline const std::string& expectation(tag<std::string>) {
  static const std::string text = "a string";
  return text;
}
inline const std::string& expectation(tag<int>) {
  static const std::string text = "a whole number such as 2";
  return text;
}
inline const std::string& expectation(tag<bool>) {
  static const std::string text = "true or false";
  return text;
}
inline const std::string& expectation(tag<date>) {
  static const std::string text = "a date string such as \"2025-03-31\"";
  return text;
}
inline const std::string& expectation(tag<money>) {
  static const std::string text = "a decimal string such as \"12.50\"";
  return text;
}
inline const std::string& expectation(tag<payment_terms>) {
  static const std::string text = "payment terms such as \"net 30\"";
  return text;
}
inline const std::string& expectation(tag<std::vector<std::string>>) {
  static const std::string text = "an array of strings";
  return text;
}
inline const std::string& expectation(tag<std::vector<instalment>>) {
  static const std::string text =
      "an array of instalments such as [{\"due\":\"2025-04-01\",\"amount\":\"100.00\"}]";
  return text;
}
template <class E>
requires std::is_enum_v<E>
inline const std::string& expectation(tag<E>) {
  static const std::string text = "one of " + quoted_names<E>();
  return text;
}
template <class T>
inline const std::string& expectation(tag<std::optional<T>>) {
  return expectation(tag<T>{});
}

// read_field: false when the field is absent (or null); throws on anything malformed.

inline bool read_field(const field_reader& reader, std::string_view field, std::string& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  out = std::string(reader.string_of(field, *value, expectation(tag<std::string>{})));
  return true;
}

inline bool read_field(const field_reader& reader, std::string_view field, int& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  if (value->is_double())
    reader.fail(errc::wrong_type, field,
                "expected " + expectation(tag<int>{}) + ", got a number with a fraction");
  if (value->is_uint64() ||
      (value->is_int64() && (value->get_int64() < INT_MIN || value->get_int64() > INT_MAX)))
    reader.fail(errc::invalid_value, field,
                json::serialize(*value) + " is out of range for a whole number");
  if (!value->is_int64())
    reader.fail(
        errc::wrong_type, field,
        "expected " + expectation(tag<int>{}) + ", got " + std::string(detail::json_kind(*value)));
  out = static_cast<int>(value->get_int64());
  return true;
}

inline bool read_field(const field_reader& reader, std::string_view field, bool& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  if (!value->is_bool())
    reader.fail(
        errc::wrong_type, field,
        "expected " + expectation(tag<bool>{}) + ", got " + std::string(detail::json_kind(*value)));
  out = value->get_bool();
  return true;
}

inline bool read_field(const field_reader& reader, std::string_view field, date& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  const std::string_view text = reader.string_of(field, *value, expectation(tag<date>{}));
  if (!try_parse_date(text, out))
    reader.fail(
        errc::invalid_date, field,
        "invalid date '" + std::string(text) + "': expected YYYY-MM-DD, a real calendar date");
  return true;
}

inline bool read_field(const field_reader& reader, std::string_view field, money& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  const std::string_view text = reader.string_of(field, *value, expectation(tag<money>{}));
  const currency in = reader.object_currency();
  if (!try_parse_amount(text, in, out))
    reader.fail(errc::invalid_amount, field,
                "invalid amount '" + std::string(text) +
                    "': expected a decimal number with at most " +
                    std::to_string(in.minor_digits()) + " decimals for " + std::string(in.code()) +
                    ", such as \"12.50\"");
  return true;
}

inline bool read_field(const field_reader& reader, std::string_view field, payment_terms& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  const std::string_view text = reader.string_of(field, *value, expectation(tag<payment_terms>{}));
  if (!try_parse_terms(text, out))
    reader.fail(
        errc::invalid_terms, field,
        "invalid payment terms '" + std::string(text) +
            "': expected \"net N\" or \"eom N\" with N whole days 0..365, such as \"net 30\"");
  return true;
}

template <class E>
requires std::is_enum_v<E>
inline bool read_field(const field_reader& reader, std::string_view field, E& out) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return false;
  const std::string_view text = reader.string_of(field, *value, expectation(tag<E>{}));
  if (!detail::enum_from_name(text, out)) {
    const auto& names = detail::enum_names<E>();
    reader.fail(errc::invalid_value, field,
                "unknown value '" + std::string(text) + "'" + detail::did_you_mean(text, names) +
                    "; expected " + expectation(tag<E>{}));
  }
  return true;
}

template <class T>
inline bool read_field(const field_reader& reader, std::string_view field, std::optional<T>& out) {
  T value{};
  if (!read_field(reader, field, value)) return false;
  out = std::move(value);
  return true;
}

inline const json::array* array_field(const field_reader& reader, std::string_view field,
                                      std::string_view expected) {
  const json::value* value = reader.find(field);
  if (value == nullptr) return nullptr;
  if (!value->is_array())
    reader.fail(
        errc::wrong_type, field,
        "expected " + std::string(expected) + ", got " + std::string(detail::json_kind(*value)));
  return &value->get_array();
}

inline std::string element_name(std::string_view field, std::size_t index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

inline bool read_field(const field_reader& reader, std::string_view field,
                       std::vector<std::string>& out) {
  const json::array* array =
      array_field(reader, field, expectation(tag<std::vector<std::string>>{}));
  if (array == nullptr) return false;
  out.clear();
  for (std::size_t i = 0; i < array->size(); ++i)
    out.emplace_back(reader.string_of(element_name(field, i), (*array)[i], "a string"));
  return true;
}

template <class T>
inline void read_required(const field_reader& reader, std::string_view field, T& out);

/// The JSON names of a described struct's members, in declaration order.
template <class S>
inline const std::vector<std::string_view>& member_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>(
        [&](auto member) { result.emplace_back(member.name); });
    return result;
  }();
  return names;
}

/// An array of described structs whose members are all required (the schedule's instalments).
template <class S>
inline bool read_field(
    const field_reader& reader, std::string_view field,
    std::vector<S>& out) requires boost::describe::has_describe_members<S>::value {
  const json::array* array = array_field(reader, field, expectation(tag<std::vector<S>>{}));
  if (array == nullptr) return false;
  out.clear();
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string name = element_name(field, i);
    const json::value& element = (*array)[i];
    if (!element.is_object())
      reader.fail(errc::wrong_type, name,
                  "expected an object, got " + std::string(detail::json_kind(element)));
    const field_reader inner = reader.nested(element.get_object(), name + ".");
    inner.reject_unknown_fields(member_names<S>());
    S item{};
    boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>(
        [&](auto member) { read_required(inner, member.name, item.*member.pointer); });
    out.push_back(std::move(item));
  }
  return true;
}

template <class T>
inline void read_required(const field_reader& reader, std::string_view field, T& out) {
  if (!read_field(reader, field, out)) reader.fail_missing(field, expectation(tag<T>{}));
}

}  // namespace arrears::detail
