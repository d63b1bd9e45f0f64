#pragma once
// The debtor: who owes, how to reach them, and what the relationship is worth.

#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/payment_terms.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace arrears {

/// The law treats these three differently (consumer protection, commercial interest,
/// public-body payment terms).
enum class debtor_kind : std::uint8_t { consumer, business, public_body };
BOOST_DESCRIBE_ENUM(debtor_kind, consumer, business, public_body)

/// Whether sales and marketing may approach the debtor. Collection suppresses and, on
/// resolution, re-activates (playbook §6).
enum class marketing_status : std::uint8_t { active, suppressed };
BOOST_DESCRIBE_ENUM(marketing_status, active, suppressed)

/// Where the debtor can be reached; empty strings mean "not known".
struct contact_details {
  std::string email;
  std::string phone;
  std::string postal_address;
  friend bool operator==(const contact_details&, const contact_details&) = default;
};
BOOST_DESCRIBE_STRUCT(contact_details, (), (email, phone, postal_address))

/// What the books say about a debtor; `debtor_updated` replaces it as a whole.
struct debtor_profile {
  std::string id;
  std::string name;
  debtor_kind kind = debtor_kind::business;
  /// ISO 639-1 language for letters ("nl", "en").
  std::string language = "nl";
  contact_details contact;
  /// What keeping this customer is worth (expected margin over the relationship).
  money relationship_value;
  /// A payment term agreed with this debtor; it overrides the invoice's default term.
  std::optional<payment_terms> terms;
  friend bool operator==(const debtor_profile&, const debtor_profile&) = default;
};
BOOST_DESCRIBE_STRUCT(debtor_profile, (),
                      (id, name, kind, language, contact, relationship_value, terms))

/// One waiver granted out of goodwill (playbook §3: at most once per debtor by default).
struct goodwill_grant {
  date on;
  money amount;
  std::string claim_id;
  friend bool operator==(const goodwill_grant&, const goodwill_grant&) = default;
};
BOOST_DESCRIBE_STRUCT(goodwill_grant, (), (on, amount, claim_id))

/// A debtor as a case knows them: the profile from the books plus what collection itself
/// decided (marketing status, goodwill history), which only case events change.
struct debtor {
  debtor_profile profile;
  marketing_status marketing = marketing_status::active;
  std::vector<goodwill_grant> goodwill_history;
  friend bool operator==(const debtor&, const debtor&) = default;
};

}  // namespace arrears
