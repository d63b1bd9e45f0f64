#pragma once
// The facts as data: each fact's name, type and enumerators, read and written by index.
// The rule language type-checks against this schema, the CSV reader fills facts through it,
// and explanations print the facts a decision read.

#include <arrears/core/currency.hpp>
#include <arrears/policy/facts.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace arrears {

/// How a fact is typed in rules. Decimals exist only as literals and results of `/`.
enum class fact_type : std::uint8_t { integer, money, boolean, enumeration };

/// One fact. The engine sees every value as one int64: the integer itself, the amount in
/// minor units of the facts' currency, 0 or 1, or the enumerator's index.
struct fact_info {
  std::string_view name;
  fact_type type = fact_type::integer;
  /// The enumerator names, in value order (enumerations only).
  std::span<const std::string_view> enumerators;
  /// Where the value lives in `facts`, and how wide it is, for compiled loads.
  std::size_t offset = 0;
  std::size_t size = 0;
};

/// Identifies a fact by its position in fact_schema().
using fact_index = std::uint8_t;

/// The index of a fact named by its member, found at compile time: a policy that reads a
/// fixed set of facts names them this way, so a renamed fact is a compile error and deciding
/// never looks a name up. `fact_index_of<&facts::days_overdue>()`.
template <auto Member>
consteval fact_index fact_index_of() {
  using members = boost::describe::describe_members<facts, boost::describe::mod_public>;
  int found = -1;
  int position = 0;
  boost::mp11::mp_for_each<members>([&](auto descriptor) {
    using described = decltype(descriptor);
    if constexpr (std::is_same_v<std::remove_cv_t<decltype(described::pointer)>,
                                 decltype(Member)>) {
      if (described::pointer == Member) found = position;
    }
    ++position;
  });
  if (found < 0) throw "not a described fact";  // a compile error: consteval cannot throw
  return static_cast<fact_index>(found);
}

/// Every fact, in declaration order.
[[nodiscard]] std::span<const fact_info> fact_schema() noexcept;
/// The index of the fact called `name`; empty for an unknown name.
[[nodiscard]] std::optional<fact_index> find_fact(std::string_view name) noexcept;
/// The value of fact `index` as the engine sees it (see fact_info).
[[nodiscard]] std::int64_t read_fact(const facts& f, fact_index index) noexcept;
/// Stores an engine value into fact `index`. Money is in minor units of `f.currency`.
void write_fact(facts& f, fact_index index, std::int64_t value) noexcept;
/// The value as text: "12", "120.00", "true", "cannot_pay".
[[nodiscard]] std::string format_fact_value(fact_index index, std::int64_t value,
                                            arrears::currency in);
/// Parses `text` as a value of fact `index`: an integer, an amount in `in`'s precision
/// ("120.00"), true/false (also 1/0, yes/no), or an enumerator name. Returns false and sets
/// `why` to what was expected when the text does not fit.
[[nodiscard]] bool parse_fact_value(fact_index index, std::string_view text, arrears::currency in,
                                    std::int64_t& value, std::string& why);
/// The known fact name closest to `name` (edit distance at most 2), for "did you mean";
/// empty when none is close.
[[nodiscard]] std::string_view closest_fact_name(std::string_view name) noexcept;

}  // namespace arrears
