// The facts schema, generated from the Boost.Describe description of `facts`.

#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/policy/fact_schema.hpp>

#include "../text/closest_name.hpp"

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <charconv>
#include <type_traits>
#include <vector>

namespace arrears {
namespace {

namespace describe = boost::describe;
using fact_members = describe::describe_members<facts, describe::mod_public>;
constexpr std::size_t fact_count = boost::mp11::mp_size<fact_members>::value;

template <class E>
std::span<const std::string_view> enumerator_names() {
  static const auto names = [] {
    std::array<std::string_view, boost::mp11::mp_size<describe::describe_enumerators<E>>::value>
        result{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<describe::describe_enumerators<E>>(
        [&](auto d) { result[i++] = d.name; });
    return result;
  }();
  return names;
}

template <class T>
constexpr fact_type type_of() {
  if constexpr (std::is_same_v<T, bool>)
    return fact_type::boolean;
  else if constexpr (std::is_same_v<T, money>)
    return fact_type::money;
  else if constexpr (std::is_enum_v<T>)
    return fact_type::enumeration;
  else {
    static_assert(std::is_same_v<T, int>, "a fact is an int, money, bool or described enum");
    return fact_type::integer;
  }
}

template <class T>
std::int64_t to_engine(const T& value) noexcept {
  if constexpr (std::is_same_v<T, money>)
    return value.minor_units();
  else
    return static_cast<std::int64_t>(value);
}

template <auto Member>
std::int64_t read_member(const facts& f) noexcept {
  return to_engine(f.*Member);
}

template <auto Member>
void write_member(facts& f, std::int64_t value) noexcept {
  using T = std::remove_cvref_t<decltype(f.*Member)>;
  if constexpr (std::is_same_v<T, money>)
    f.*Member = money(value, f.currency);
  else if constexpr (std::is_same_v<T, bool>)
    f.*Member = value != 0;
  else
    f.*Member = static_cast<T>(value);
}

struct fact_access {
  std::int64_t (*read)(const facts&) noexcept;
  void (*write)(facts&, std::int64_t) noexcept;
};

struct schema_tables {
  std::array<fact_info, fact_count> infos{};
  std::array<fact_access, fact_count> access{};
  std::array<std::string_view, fact_count> names{};
};

const schema_tables& tables() {
  static const schema_tables built = [] {
    schema_tables t;
    const facts sample{};
    const auto* base = reinterpret_cast<const char*>(&sample);
    std::size_t i = 0;
    boost::mp11::mp_for_each<fact_members>([&](auto d) {
      using T = std::remove_cvref_t<decltype(sample.*d.pointer)>;
      fact_info& info = t.infos[i];
      info.name = d.name;
      info.type = type_of<T>();
      if constexpr (std::is_enum_v<T>) info.enumerators = enumerator_names<T>();
      info.offset =
          static_cast<std::size_t>(reinterpret_cast<const char*>(&(sample.*d.pointer)) - base);
      info.size = sizeof(T);
      t.access[i] = {&read_member<d.pointer>, &write_member<d.pointer>};
      t.names[i] = d.name;
      ++i;
    });
    return t;
  }();
  return built;
}

bool parse_integer(std::string_view text, std::int64_t& value) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::span<const fact_info> fact_schema() noexcept { return tables().infos; }

std::optional<fact_index> find_fact(std::string_view name) noexcept {
  const auto& names = tables().names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<fact_index>(i);
  return std::nullopt;
}

std::int64_t read_fact(const facts& f, fact_index index) noexcept {
  return tables().access[index].read(f);
}

void write_fact(facts& f, fact_index index, std::int64_t value) noexcept {
  tables().access[index].write(f, value);
}

std::string format_fact_value(fact_index index, std::int64_t value, arrears::currency in) {
  const fact_info& info = tables().infos[index];
  switch (info.type) {
    case fact_type::integer:
      return std::to_string(value);
    case fact_type::money:
      return format_amount(money(value, in));
    case fact_type::boolean:
      return value != 0 ? "true" : "false";
    case fact_type::enumeration:
      if (value >= 0 && static_cast<std::size_t>(value) < info.enumerators.size())
        return std::string(info.enumerators[static_cast<std::size_t>(value)]);
      return std::to_string(value);
  }
  return std::to_string(value);
}

bool parse_fact_value(fact_index index, std::string_view text, arrears::currency in,
                      std::int64_t& value, std::string& why) {
  const fact_info& info = tables().infos[index];
  switch (info.type) {
    case fact_type::integer:
      if (parse_integer(text, value)) return true;
      why = "a whole number";
      return false;
    case fact_type::money: {
      money amount;
      if (try_parse_amount(text, in, amount)) {
        value = amount.minor_units();
        return true;
      }
      why = "an amount with at most " + std::to_string(in.minor_digits()) +
            " decimals, such as \"120.00\"";
      return false;
    }
    case fact_type::boolean:
      if (text == "true" || text == "1" || text == "yes") {
        value = 1;
        return true;
      }
      if (text == "false" || text == "0" || text == "no") {
        value = 0;
        return true;
      }
      why = "true or false";
      return false;
    case fact_type::enumeration:
      for (std::size_t i = 0; i < info.enumerators.size(); ++i) {
        if (info.enumerators[i] == text) {
          value = static_cast<std::int64_t>(i);
          return true;
        }
      }
      why = "one of";
      for (std::size_t i = 0; i < info.enumerators.size(); ++i)
        why += (i == 0 ? " " : ", ") + std::string(info.enumerators[i]);
      why += detail::did_you_mean(text, info.enumerators);
      return false;
  }
  return false;
}

std::string_view closest_fact_name(std::string_view name) noexcept {
  try {
    return detail::closest_name(name, tables().names);
  } catch (...) {  // edit_distance's row buffer: only bad_alloc
    return {};
  }
}

}  // namespace arrears
