// Reading the letters' sender from YAML.

#include <arrears/io/letter_sender.hpp>

#include "io/input_file.hpp"
#include "text/closest_name.hpp"

#include <arrears/core/error.hpp>

#include <yaml-cpp/yaml.h>

#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {
namespace {

constexpr std::array<std::string_view, 9> sender_keys{
    "name",       "postal_address",      "email", "phone",         "iban",
    "vat_number", "chamber_of_commerce", "city",  "can_deduct_vat"};

/// "path:line: " for a node (yaml-cpp counts lines from 0).
std::string located(const std::filesystem::path& path, const YAML::Mark& mark) {
  std::string out = path.string();
  if (mark.line >= 0) out += ":" + std::to_string(mark.line + 1);
  return out + ": ";
}

std::string text_value(const std::filesystem::path& path, const std::string& key,
                       const YAML::Node& value) {
  if (value.IsNull()) return {};
  if (!value.IsScalar())
    throw error(errc::invalid_value, located(path, value.Mark()) + "'" + key +
                                         "' must be text, found a " +
                                         (value.IsSequence() ? "list" : "mapping"));
  return value.Scalar();
}

bool flag_value(const std::filesystem::path& path, const std::string& key,
                const YAML::Node& value) {
  const std::string text = value.IsScalar() ? value.Scalar() : std::string();
  if (text == "true") return true;
  if (text == "false") return false;
  throw error(errc::invalid_value, located(path, value.Mark()) + "'" + key +
                                       "' must be true or false, found '" + text + "'");
}

}  // namespace

letter_sender read_letter_sender_file(const std::filesystem::path& path) {
  std::ifstream in = detail::open_input_file(path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw error(errc::parse_error, located(path, e.mark) + "not valid YAML: " + e.msg);
  }
  if (!root.IsMap())
    throw error(
        errc::parse_error,
        path.string() + ": expected a mapping of sender details (name, postal_address, iban, ...)");

  letter_sender sender;
  bool named = false;
  std::vector<std::string> seen;
  for (const auto& entry : root) {
    const YAML::Node& key = entry.first;
    const YAML::Node& value = entry.second;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    for (const std::string& earlier : seen)
      if (earlier == name)
        throw error(errc::parse_error, located(path, key.Mark()) + "duplicate key '" + name + "'");
    seen.push_back(name);
    if (name == "name") {
      sender.name = text_value(path, name, value);
      named = !sender.name.empty();
    } else if (name == "postal_address") {
      sender.postal_address = text_value(path, name, value);
    } else if (name == "email") {
      sender.email = text_value(path, name, value);
    } else if (name == "phone") {
      sender.phone = text_value(path, name, value);
    } else if (name == "iban") {
      sender.iban = text_value(path, name, value);
    } else if (name == "vat_number") {
      sender.vat_number = text_value(path, name, value);
    } else if (name == "chamber_of_commerce") {
      sender.chamber_of_commerce = text_value(path, name, value);
    } else if (name == "city") {
      sender.city = text_value(path, name, value);
    } else if (name == "can_deduct_vat") {
      sender.can_deduct_vat = flag_value(path, name, value);
    } else {
      std::string message = located(path, key.Mark()) + "unknown key '" + name + "'";
      const std::string hint = detail::did_you_mean(name, sender_keys);
      if (!hint.empty()) {
        message += hint;
      } else {
        message += "; expected one of ";
        for (std::size_t i = 0; i < sender_keys.size(); ++i)
          message += (i == 0 ? "" : ", ") + std::string(sender_keys[i]);
      }
      throw error(errc::unknown_field, message);
    }
  }
  if (!named) throw error(errc::missing_field, path.string() + ": the sender needs a 'name'");
  return sender;
}

}  // namespace arrears
