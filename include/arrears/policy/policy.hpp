#pragma once
// What makes a type a policy: it decides from facts. Nothing else is asked, so a user's own
// C++ policy plugs in without touching the library (see any_policy).

#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>

#include <concepts>

namespace arrears {

/// A policy decides what to do next from the facts of one case on one day. decide() must be
/// callable concurrently from several threads on one policy object.
template <class P>
concept policy = requires(const P& p, const facts& f) {
  { p.decide(f) } -> std::convertible_to<decision>;
};

/// A policy that can also fill a caller's decision, reusing its storage (decision::clear);
/// the batch paths use it to decide without allocating. `out` arrives cleared.
template <class P>
concept reusing_policy = policy<P> && requires(const P& p, const facts& f, decision& out) {
  p.decide_into(f, out);
};

}  // namespace arrears
