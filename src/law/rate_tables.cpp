// The named set of rate tables, and the built-in set compiled from data/rates/*.csv.

#include <arrears/core/error.hpp>
#include <arrears/law/rate_tables.hpp>

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace arrears {
namespace detail {
// Defined in the generated builtin_rates.cpp (cmake/builtin_rates.cpp.in).
std::span<const std::pair<std::string_view, std::string_view>> builtin_rate_files() noexcept;
}  // namespace detail

const rate_tables& rate_tables::builtin() {
  // Parsed once, on first use; a magic static is thread-safe. A shipped table that does not
  // parse is a build defect: tests/unit/rate_table_test.cpp loads every one.
  static const rate_tables tables = [] {
    rate_tables built;
    for (const auto& [name, csv] : detail::builtin_rate_files())
      built.add(rate_table::parse_csv(std::string(name), csv,
                                      "data/rates/" + std::string(name) + ".csv"));
    return built;
  }();
  return tables;
}

void rate_tables::add(rate_table table) {
  const std::string name = table.name();
  tables_.insert_or_assign(name, std::move(table));
}

void rate_tables::override_with(const rate_table& table) {
  const auto found = tables_.find(table.name());
  if (found == tables_.end())
    tables_.emplace(table.name(), table);
  else
    found->second = found->second.overridden_by(table);
}

const rate_table& rate_tables::get(std::string_view name) const {
  const auto found = tables_.find(name);
  if (found == tables_.end()) {
    std::string known;
    for (const auto& [table_name, table] : tables_)
      known += (known.empty() ? "" : ", ") + table_name;
    throw error(errc::invalid_argument, "no rate table '" + std::string(name) + "'; known: " +
                                            (known.empty() ? std::string("none") : known));
  }
  return found->second;
}

bool rate_tables::contains(std::string_view name) const {
  return tables_.find(name) != tables_.end();
}

}  // namespace arrears
