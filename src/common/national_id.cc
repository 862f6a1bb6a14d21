#include "common/national_id.h"

#include <algorithm>
#include <array>
#include <optional>

namespace proaktiv {
namespace {

constexpr std::array<int, 10> kWeightsK1 = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
constexpr std::array<int, 11> kWeightsK2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

int Digit(const std::string& s, int i) { return s[i] - '0'; }

// Remainder mod 11 of the weighted sum over the first N digits (N = weights.size()).
template <size_t N>
int WeightedRemainder(const std::string& s, const std::array<int, N>& weights) {
  int sum = 0;
  for (size_t i = 0; i < N; ++i) sum += Digit(s, static_cast<int>(i)) * weights[i];
  return sum % 11;
}

// The birth year for a two-digit year and an individual number under the pre-2032 rules.
std::optional<int> LegacyBirthYear(int yy, int individual) {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return std::nullopt;
}

}  // namespace

std::string_view IdKindName(IdKind kind) {
  switch (kind) {
    case IdKind::kFodselsnummer:
      return "fødselsnummer";
    case IdKind::kDNumber:
      return "D-number";
    case IdKind::kHNumber:
      return "H-number";
  }
  return "unknown";
}

std::string IdFacts::Describe() const {
  return fmt::format("{}{}, born {}, {} control digits (K1 remainder {})",
                     synthetic ? "synthetic " : "", IdKindName(kind), birth_date.ToString(),
                     rule == ControlRule::kLegacy ? "legacy" : "2032", k1_remainder);
}

Result<NationalId> NationalId::Parse(std::string_view text) {
  if (text.size() != 11) {
    return InvalidArgument(
        fmt::format("has {} characters; an identity number has 11 digits", text.size()));
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return InvalidArgument(fmt::format("character {} is not a digit", i + 1));
    }
  }
  std::string s(text);
  IdFacts facts;
  int dd = Digit(s, 0) * 10 + Digit(s, 1);
  int mm = Digit(s, 2) * 10 + Digit(s, 3);
  int yy = Digit(s, 4) * 10 + Digit(s, 5);
  facts.individual_number = Digit(s, 6) * 100 + Digit(s, 7) * 10 + Digit(s, 8);
  if (dd > 40) {
    facts.kind = IdKind::kDNumber;
    dd -= 40;
  }
  if (mm > 80) {
    facts.synthetic = true;
    mm -= 80;
  } else if (mm > 40) {
    facts.kind = facts.kind == IdKind::kDNumber ? IdKind::kDNumber : IdKind::kHNumber;
    if (facts.kind == IdKind::kDNumber) facts.synthetic = true;  // D + month 40: Dolly test
    mm -= 40;
  }
  if (mm < 1 || mm > 12) return InvalidArgument(fmt::format("month {} is not a month", mm));

  // Numbers issued from 2032 no longer encode the century in the individual number; where the
  // legacy table has no answer, the birth year is the latest one not after 2039.
  int year =
      LegacyBirthYear(yy, facts.individual_number).value_or(yy <= 39 ? 2000 + yy : 1900 + yy);
  auto birth = CivilDate::FromYmd(year, mm, dd);
  if (!birth) return tl::unexpected(birth.error());
  facts.birth_date = *birth;

  facts.k1_remainder = WeightedRemainder(s, kWeightsK1);
  if (facts.k1_remainder > 3) return InvalidArgument("control digit 1 is wrong");
  facts.rule = facts.k1_remainder == 0 ? ControlRule::kLegacy : ControlRule::k2032;
  if (WeightedRemainder(s, kWeightsK2) != 0) return InvalidArgument("control digit 2 is wrong");
  return NationalId(std::move(s), facts);
}

Result<NationalId> NationalId::Make(CivilDate birth, int individual_number, IdKind kind,
                                    bool synthetic) {
  if (individual_number < 0 || individual_number > 999) {
    return InvalidArgument(fmt::format("individual number {} is not 0–999", individual_number));
  }
  int dd = birth.day() + (kind == IdKind::kDNumber ? 40 : 0);
  int mm = birth.month() + (synthetic ? 80 : (kind == IdKind::kHNumber ? 40 : 0));
  std::string s =
      fmt::format("{:02}{:02}{:02}{:03}00", dd, mm, birth.year() % 100, individual_number);
  int k1 = (11 - WeightedRemainder(s, std::array<int, 9>{3, 7, 6, 1, 8, 9, 4, 5, 2})) % 11;
  if (k1 == 10) return InvalidArgument("control digit 1 would be 10");
  s[9] = static_cast<char>('0' + k1);
  int k2 = (11 - WeightedRemainder(s, std::array<int, 10>{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})) % 11;
  if (k2 == 10) return InvalidArgument("control digit 2 would be 10");
  s[10] = static_cast<char>('0' + k2);
  auto parsed = Parse(s);
  if (!parsed) return parsed;
  if (parsed->facts().birth_date != birth) {
    return InvalidArgument(fmt::format("individual number {} does not encode the year {}",
                                       individual_number, birth.year()));
  }
  return parsed;
}

std::string NationalId::Masked() const { return MaskIdentity(digits_); }

std::string MaskIdentity(std::string_view text) {
  std::string out(text.substr(0, std::min<size_t>(6, text.size())));
  out.append(text.size() > 6 ? text.size() - 6 : 0, '*');
  return out;
}

std::ostream& operator<<(std::ostream& out, const NationalId& id) { return out << id.Masked(); }

}  // namespace proaktiv
