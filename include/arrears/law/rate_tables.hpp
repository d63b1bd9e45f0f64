#pragma once
// The set of rate tables the law packs read, by name.

#include <arrears/law/rate_table.hpp>

#include <map>
#include <string>
#include <string_view>

namespace arrears {

/// Named rate tables. The built-in set is compiled from data/rates/*.csv, so the library
/// works without its data folder; a user's file overrides rows (rate_table::overridden_by).
/// Names used by the packs: "nl-consumer" (6:119 BW), "nl-commercial" (6:119a BW),
/// "de-base" (Basiszinssatz, § 247 BGB), "uk-bank-rate" (Bank of England Bank Rate),
/// "be-commercial" (Belgian late-payment rate, law of 2 August 2002), "ecb-mro" (ECB main
/// refinancing rate, for the EU default).
class rate_tables {
 public:
  /// The tables shipped with arrears (data/rates/, embedded at build time).
  [[nodiscard]] static const rate_tables& builtin();

  void add(rate_table table);                ///< adds or replaces by name
  void override_with(const rate_table& table);  ///< merges rows into the table of that name (adds it if new)
  [[nodiscard]] const rate_table& get(std::string_view name) const;  ///< throws errc::invalid_argument if unknown
  [[nodiscard]] bool contains(std::string_view name) const;
  [[nodiscard]] const std::map<std::string, rate_table, std::less<>>& all() const noexcept { return tables_; }

 private:
  std::map<std::string, rate_table, std::less<>> tables_;
};

}  // namespace arrears
