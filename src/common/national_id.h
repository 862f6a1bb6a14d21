#pragma once

// Norwegian national identity numbers (fødselsnummer, D-number, H-number and the synthetic
// test numbers of Test Norge, month + 80), validated by both control-digit rules: the legacy
// rule (K1 leaves remainder 0) and the rule for numbers issued from 2032 (K1 may leave
// remainder 0–3; K2 unchanged).
//
// NationalId never prints the full number: operator<<, fmt and Masked() give "130972*****".
// Code that needs the digits (storage keys, the citizen's own view) calls digits() explicitly.

#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/civil_date.h"
#include "common/result.h"

namespace proaktiv {

enum class IdKind {
  kFodselsnummer,  // day 01–31, month 01–12
  kDNumber,        // day + 40: foreigners with a temporary link to Norway
  kHNumber,        // month + 40: help numbers in health services (also NAV's Dolly test persons)
};

enum class ControlRule {
  kLegacy,  // K1 remainder 0: valid before and after 2032
  k2032,    // K1 remainder 1, 2 or 3: only numbers issued from 2032
};

std::string_view IdKindName(IdKind kind);  // "fødselsnummer", "D-number", "H-number"

struct IdFacts {
  IdKind kind = IdKind::kFodselsnummer;
  bool synthetic = false;  // month + 80 (Test Norge): never a real person
  CivilDate birth_date;
  ControlRule rule = ControlRule::kLegacy;
  int k1_remainder = 0;
  int individual_number = 0;  // digits 7–9
  bool is_female() const { return individual_number % 2 == 0; }

  // "synthetic D-number, born 1955-11-10, legacy control digits (K1 remainder 0)"
  std::string Describe() const;
};

class NationalId {
 public:
  // Validates `text` completely. The error says what is wrong without repeating the number:
  // "has 10 digits; an identity number has 11", "control digit 1 is wrong",
  // "day 32 is not a date in 1972-12", "month 13 is not a month".
  static Result<NationalId> Parse(std::string_view text);

  // Builds a valid number from its parts, choosing the control digits by the legacy rule.
  // Returns an error when the legacy rule leaves K1 or K2 at 10 (the caller tries another
  // individual number) or when the parts do not form a date.
  static Result<NationalId> Make(CivilDate birth, int individual_number, IdKind kind,
                                 bool synthetic);

  const std::string& digits() const { return digits_; }
  const IdFacts& facts() const { return facts_; }
  std::string Masked() const;  // birth-date part, then five stars

  friend bool operator==(const NationalId& a, const NationalId& b) {
    return a.digits_ == b.digits_;
  }
  friend bool operator<(const NationalId& a, const NationalId& b) { return a.digits_ < b.digits_; }

 private:
  NationalId(std::string digits, IdFacts facts) : digits_(std::move(digits)), facts_(facts) {}
  std::string digits_;
  IdFacts facts_;
};

// Masks any 11-character identity number without validating it (for logging raw input).
std::string MaskIdentity(std::string_view text);

std::ostream& operator<<(std::ostream& out, const NationalId& id);

}  // namespace proaktiv

template <>
struct fmt::formatter<proaktiv::NationalId> : fmt::formatter<std::string> {
  auto format(const proaktiv::NationalId& id, fmt::format_context& ctx) const {
    return fmt::formatter<std::string>::format(id.Masked(), ctx);
  }
};
