// The EU default pack has no limitation rule: limitation is national law.

#include <arrears/core/error.hpp>
#include <arrears/law/european_union.hpp>

namespace arrears {
namespace {

[[noreturn]] void refuse_limitation() {
  // A fallback period would be a guess about some member state's law, and a wrong
  // limitation date costs the creditor the claim: refuse instead.
  throw error(errc::invalid_argument,
              "the EU default pack has no limitation rule; use a national pack (nl, de, be, uk)");
}

}  // namespace

limitation_result european_union::limitation(const limitation_request&) const {
  refuse_limitation();
}

date european_union::limitation_deadline(const limitation_query&) const { refuse_limitation(); }

}  // namespace arrears
