#pragma once
// Reading the books: a ledger CSV (one row per invoice or credit note) and an optional
// debtors CSV (per-debtor payment term and relationship value). docs/ledger.md documents
// both formats.

#include <arrears/model/ledger.hpp>

#include <filesystem>
#include <iosfwd>
#include <string_view>

namespace arrears {

struct ledger_options {
  /// Leave bad rows out and list them in ledger::problems, instead of refusing the file.
  bool skip_bad = false;
};

/// Reads a ledger CSV. Every bad row is found before anything is refused: with
/// options.skip_bad the good rows are kept and each bad one is listed in problems;
/// without it the whole file is refused with error{errc::invalid_ledger} whose message has
/// one line per problem, "file:line: field: problem". A header that lacks a required column
/// or names an unknown one is refused either way (errc::invalid_ledger); malformed CSV is
/// errc::parse_error and a failing stream errc::io_error.
[[nodiscard]] ledger read_ledger(std::istream& in, std::string_view source_name,
                                 const ledger_options& options = {});
/// The same from a file; errc::io_error when it cannot be opened.
[[nodiscard]] ledger read_ledger_file(const std::filesystem::path& file,
                                      const ledger_options& options = {});

/// Reads a debtors CSV into `books`: each row's payment term and relationship value apply to
/// the debtor of that id (rows for debtors without items in the ledger are ignored). Errors
/// as read_ledger.
void read_debtors(std::istream& in, std::string_view source_name, ledger& books,
                  const ledger_options& options = {});
void read_debtors_file(const std::filesystem::path& file, ledger& books,
                       const ledger_options& options = {});

}  // namespace arrears
