// rule_table: loading (table_builder.hpp) and deciding (evaluator.hpp).

#include <arrears/core/error.hpp>
#include <arrears/policy/rule_table.hpp>

#include "evaluator.hpp"
#include "program.hpp"
#include "table_builder.hpp"
#include "table_spec.hpp"

#include <bit>
#include <fstream>
#include <iterator>
#include <sstream>

namespace arrears {
namespace {

using detail::compiled_rule_table;
using detail::rules::arithmetic_fault;
using detail::rules::rule_plan;
using detail::rules::value_slot;

/// Reads a whole file, refusing one over the size limit without reading it all.
bool read_policy_file(const std::filesystem::path& file, std::string& text, std::string& why) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (!ec && size > detail::rules::max_policy_bytes) {
    why = "policy file is " + std::to_string(size) + " bytes; the limit is 4 MiB";
    return false;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    why = "cannot open policy file '" + file.string() + "'";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    why = "cannot read policy file '" + file.string() + "'";
    return false;
  }
  text = std::move(buffer).str();
  return true;
}

std::string join(const std::vector<policy_diagnostic>& diagnostics) {
  std::string out;
  for (const policy_diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.to_string();
  }
  return out;
}

std::shared_ptr<const compiled_rule_table> compile_or_throw(std::string_view text,
                                                            std::string_view source_name) {
  const detail::rules::source_text source(text, source_name);
  detail::rules::diagnostic_sink sink(source);
  const std::string stem = std::filesystem::path(std::string(source_name)).stem().string();
  auto table = detail::rules::build_rule_table(source, sink, stem.empty() ? source_name : stem);
  if (!table) {
    std::vector<policy_diagnostic> diagnostics = sink.take();
    std::erase_if(diagnostics, [](const policy_diagnostic& d) { return !d.is_error(); });
    throw error(errc::invalid_policy, join(diagnostics));
  }
  return table;
}

[[noreturn, gnu::cold]] void fail(const compiled_rule_table& t, const rule_plan& rule,
                                  const facts& f, const std::string& what) {
  throw error(errc::policy_evaluation, "policy '" + t.name + "', rule '" + rule.id + "' (" +
                                           rule.where + "), case '" + std::string(f.case_id) +
                                           "': " + what);
}

[[noreturn, gnu::cold]] void fail_fault(const compiled_rule_table& t, const facts& f,
                                        arithmetic_fault fault, std::uint32_t at) {
  const detail::rules::op_origin& origin = t.origins[at];
  const rule_plan& rule = t.rules[origin.rule];
  fail(t, rule, f,
       std::string(fault == arithmetic_fault::overflow ? "overflow" : "division by zero") +
           " in '" + origin.what + "' at " + t.source_name + ":" + std::to_string(origin.line) +
           ":" + std::to_string(origin.column));
}

[[noreturn, gnu::cold]] void fail_currency(const compiled_rule_table& t, const facts& f) {
  throw error(errc::policy_evaluation, "policy '" + t.name + "', case '" + std::string(f.case_id) +
                                           "': the facts are in " + std::string(f.currency.code()) +
                                           ", but the table's amounts are in " +
                                           std::string(t.currency->code()));
}

[[noreturn, gnu::cold]] void fail_range(const compiled_rule_table& t, const rule_plan& rule,
                                        const facts& f, const char* parameter, std::int64_t value,
                                        const char* expected) {
  fail(t, rule, f,
       std::string(parameter) + " is " + std::to_string(value) + "; expected " + expected);
}

[[gnu::always_inline]] inline std::int64_t evaluate(const compiled_rule_table& t,
                                                    const value_slot& slot, const facts& f) {
  if (slot.source == value_slot::kind::fact) return slot.fact.value(f);
  if (slot.source == value_slot::kind::constant) return slot.constant;
  std::int64_t value = 0;
  std::uint32_t fault_at = 0;
  const arithmetic_fault fault =
      detail::rules::run_program(t.ops.data(), t.lists.data(), slot.entry, f, value, fault_at);
  if (fault != arithmetic_fault::none) [[unlikely]]
    fail_fault(t, f, fault, fault_at);
  return value;
}

/// today + `n` days, for n in 0..36500 and never past the last representable date.
[[gnu::always_inline]] inline date days_from_today(const compiled_rule_table& t,
                                                   const rule_plan& rule, const facts& f,
                                                   const char* parameter, std::int64_t n) {
  if (n < 0 || n > 36'500) [[unlikely]]
    fail_range(t, rule, f, parameter, n, "0 to 36500 days from today");
  if (static_cast<long>(f.today.day_number()) + n > detail::last_supported_day_number) [[unlikely]]
    fail_range(t, rule, f, parameter, n, "a date before 10000-01-01");
  return f.today + days(static_cast<long>(n));
}

[[noreturn, gnu::cold]] void fail_negative(const compiled_rule_table& t, const rule_plan& rule,
                                           const facts& f, const char* parameter,
                                           std::int64_t units) {
  fail(t, rule, f,
       std::string(parameter) + " is negative (" + format_amount(money(units, f.currency)) + ")");
}

[[gnu::always_inline]] inline money amount_of(const compiled_rule_table& t, const rule_plan& rule,
                                              const facts& f, const value_slot& slot,
                                              const char* parameter) {
  const std::int64_t units = evaluate(t, slot, f);
  if (units < 0) [[unlikely]]
    fail_negative(t, rule, f, parameter, units);
  return money(units, f.currency);
}

void plan_arrangement(const compiled_rule_table& t, const rule_plan& rule, const facts& f,
                      action_parameters& out) {
  const std::int64_t count = evaluate(t, rule.instalments, f);
  if (count < 1 || count > 600) [[unlikely]]
    fail_range(t, rule, f, "instalments", count, "1 to 600");
  const money total = *out.amount;
  if (!total.is_positive()) [[unlikely]]
    fail(t, rule, f, "an instalment plan needs a positive amount, got " + format_amount(total));
  int parts = static_cast<int>(count);
  if (rule.minimum_instalment.present())
    parts = instalment_count(
        total, amount_of(t, rule, f, rule.minimum_instalment, "minimum_instalment"), parts);
  const std::int64_t first_due = rule.first_due.present() ? evaluate(t, rule.first_due, f) : 14;
  plan_instalments(total, days_from_today(t, rule, f, "first_due", first_due), parts, rule.interval,
                   out.instalments);
}

/// Appends the facts `rule` reads, with their values, in the rule's order.
[[gnu::always_inline]] inline void record_reads(const rule_plan& rule, const facts& f,
                                                std::vector<fact_reading>& out) {
  if (rule.reads_wide) [[likely]] {
    for (const detail::rules::wide_read& read : rule.wide_reads)
      out.push_back({read.fact, read.value(f)});
    return;
  }
  for (const detail::rules::fact_read& read : rule.reads)
    out.push_back({read.fact, detail::rules::load_fact(f, read.load, read.offset, read.fact)});
}

/// The index of the deciding rule (the default's when none holds).
std::size_t choose_rule(const compiled_rule_table& t, const facts& f) {
  std::int64_t result = 0;
  std::uint32_t fault_at = 0;
  if (t.gated) {
    // The first rule no atom rules out whose residual program (if any) holds.
    std::uint64_t candidates = t.possible_rules & ~t.screens.ruled_out(f);
    while (candidates != 0) {
      const auto r = static_cast<std::size_t>(std::countr_zero(candidates));
      const std::uint32_t residual = t.gates[r].residual;
      if (residual == detail::rules::rule_gate::no_residual) return r;
      const arithmetic_fault fault =
          detail::rules::run_program(t.ops.data(), t.lists.data(), residual, f, result, fault_at);
      if (fault != arithmetic_fault::none) [[unlikely]]
        fail_fault(t, f, fault, fault_at);
      if (result != 0) return r;
      candidates &= candidates - 1;
    }
    return t.gates.size();
  }
  const arithmetic_fault fault =
      detail::rules::run_program(t.ops.data(), t.lists.data(), 0, f, result, fault_at);
  if (fault != arithmetic_fault::none) [[unlikely]]
    fail_fault(t, f, fault, fault_at);
  return static_cast<std::size_t>(result);
}

}  // namespace

rule_table::rule_table(std::shared_ptr<const detail::compiled_rule_table> compiled) noexcept
    : compiled_(std::move(compiled)) {}

rule_table rule_table::load(const std::filesystem::path& file) {
  std::string text;
  std::string why;
  if (!read_policy_file(file, text, why)) throw error(errc::io_error, why);
  return rule_table(compile_or_throw(text, file.string()));
}

rule_table rule_table::parse(std::string_view text, std::string_view source_name) {
  return rule_table(compile_or_throw(text, source_name));
}

std::string_view rule_table::name() const noexcept { return compiled_->name; }

std::size_t rule_table::rule_count() const noexcept { return compiled_->rules.size() - 1; }

rule_table::hit_policy rule_table::hits() const noexcept { return compiled_->hits; }

decision rule_table::decide(const facts& f) const {
  decision out;
  decide_into(f, out);
  return out;
}

void rule_table::decide_into(const facts& f, decision& out) const {
  const compiled_rule_table& t = *compiled_;
  if (t.currency && !(f.currency == *t.currency)) [[unlikely]]
    fail_currency(t, f);
  const rule_plan& rule = t.rules[choose_rule(t, f)];
  if (t.needs_today && f.today.is_special()) [[unlikely]]
    fail(t, rule, f, "the facts have no date ('today' is not set)");

  out.kind = rule.kind;
  out.currency = f.currency;
  action_parameters& p = out.parameters;
  p.channel = rule.channel;
  p.letter = rule.letter;
  if (rule.amount.present()) p.amount = amount_of(t, rule, f, rule.amount, "amount");
  if (rule.costs.present()) p.costs = amount_of(t, rule, f, rule.costs, "costs");
  if (rule.deadline.present())
    p.deadline = days_from_today(t, rule, f, "deadline", evaluate(t, rule.deadline, f));
  if (rule.reminder_level.present()) {
    const std::int64_t level = evaluate(t, rule.reminder_level, f);
    if (level < 0 || level > 100) [[unlikely]]
      fail_range(t, rule, f, "reminder_level", level, "0 to 100");
    p.reminder_level = static_cast<int>(level);
  }
  if (rule.instalments.present()) plan_arrangement(t, rule, f, p);
  if (rule.next_review.present())
    out.next_review = days_from_today(t, rule, f, "next_review", evaluate(t, rule.next_review, f));

  decision_reason& reason = out.add_reason(rule.id);
  if (!rule.note.empty()) reason.note.assign(rule.note);
  record_reads(rule, f, reason.facts);
}

std::vector<policy_diagnostic> check_rule_table(std::string_view text,
                                                std::string_view source_name) {
  const detail::rules::source_text source(text, source_name);
  detail::rules::diagnostic_sink sink(source);
  (void)detail::rules::build_rule_table(source, sink, source_name);
  return sink.take();
}

std::vector<policy_diagnostic> check_rule_table_file(const std::filesystem::path& file) {
  std::string text;
  std::string why;
  if (!read_policy_file(file, text, why)) {
    policy_diagnostic d;
    d.file = file.string();
    d.message = why;
    return {d};
  }
  return check_rule_table(text, file.string());
}

}  // namespace arrears
