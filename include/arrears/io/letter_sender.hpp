#pragma once
// Who sends the letters: the creditor's name, address and payment details as printed on every
// letter, and whether it can deduct VAT (which decides whether VAT is added to collection
// costs, NL BIK art. 2 lid 3).

#include <filesystem>
#include <string>

namespace arrears {

/// The creditor as its letters show it. Empty strings are "not given"; the templates print
/// them as they are.
struct letter_sender {
  std::string name;
  std::string postal_address;  ///< may hold several lines
  std::string email;
  std::string phone;
  std::string iban;
  std::string vat_number;
  std::string chamber_of_commerce;
  std::string city;  ///< where the letter is dated ("Utrecht, 2 juni 2025")
  /// A creditor that can deduct VAT charges collection costs without VAT; one that cannot
  /// (VAT-exempt, small-business scheme) adds it. True is the safe default: it never claims
  /// more than the law allows.
  bool can_deduct_vat = true;
  friend bool operator==(const letter_sender&, const letter_sender&) = default;
};

/// Reads a sender from a YAML mapping with the keys name (required), postal_address, email,
/// phone, iban, vat_number, chamber_of_commerce, city (text) and can_deduct_vat (true or
/// false, default true). Throws error{errc::io_error} when the file cannot be read,
/// error{errc::parse_error} for text that is not a YAML mapping, error{errc::unknown_field}
/// for a key it does not know, error{errc::missing_field} without a name and
/// error{errc::invalid_value} for a value that is not text (or not true/false), each located
/// as `path:line: ...`.
[[nodiscard]] letter_sender read_letter_sender_file(const std::filesystem::path& path);

}  // namespace arrears
