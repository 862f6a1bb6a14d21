#include "synth/identity_allocator.h"

#include <fmt/format.h>

namespace proaktiv::synth {
namespace {

// The individual numbers a year allows, as up to three ranges [lo, hi].
struct Ranges {
  int lo[2];
  int hi[2];
  int count;
};

Ranges RangesFor(int year) {
  if (year >= 2000) return Ranges{{500, 0}, {999, 0}, 1};
  if (year >= 1940) return Ranges{{0, 900}, {499, 999}, 2};
  if (year >= 1900) return Ranges{{0, 0}, {499, 0}, 1};
  return Ranges{{500, 0}, {749, 0}, 1};
}

}  // namespace

bool LegacyControlDigits(const int d[9], int& k1, int& k2) {
  static constexpr int kW1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static constexpr int kW2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += kW1[i] * d[i];
  k1 = (11 - sum % 11) % 11;
  if (k1 == 10) return false;
  sum = 0;
  for (int i = 0; i < 9; ++i) sum += kW2[i] * d[i];
  sum += kW2[9] * k1;
  k2 = (11 - sum % 11) % 11;
  return k2 != 10;
}

IdentityAllocator::IdentityAllocator() {
  first_day_ = CivilDate::FromYmd(1854, 1, 1)->days();
  last_day_ = CivilDate::FromYmd(2039, 12, 31)->days();
  cursor_.assign(static_cast<size_t>(last_day_ - first_day_ + 1) * 4, 0);
}

Result<uint64_t> IdentityAllocator::Next(CivilDate birth, bool female, bool d_number) {
  if (birth.days() < first_day_ || birth.days() > last_day_) {
    return InvalidArgument(fmt::format("birth date {} is outside 1854–2039", birth.ToString()));
  }
  uint16_t& cursor = cursor_[static_cast<size_t>(birth.days() - first_day_) * 4 + (female ? 2 : 0) +
                             (d_number ? 1 : 0)];
  const int year = birth.year();
  const Ranges r = RangesFor(year);
  const int dd = birth.day() + (d_number ? 40 : 0);
  const int mm = birth.month() + 80;
  const int yy = year % 100;
  int digits[9] = {dd / 10, dd % 10, mm / 10, mm % 10, yy / 10, yy % 10, 0, 0, 0};
  // Candidates in order: the ranges' numbers of the right parity.
  for (;; ++cursor) {
    int k = cursor;
    int individual = -1;
    for (int i = 0; i < r.count; ++i) {
      int first = r.lo[i] + ((r.lo[i] % 2 == 0) == female ? 0 : 1);
      int n = first > r.hi[i] ? 0 : (r.hi[i] - first) / 2 + 1;
      if (k < n) {
        individual = first + 2 * k;
        break;
      }
      k -= n;
    }
    if (individual < 0) {
      return FailedPrecondition(
          fmt::format("no identity numbers left for birth date {}", birth.ToString()));
    }
    digits[6] = individual / 100;
    digits[7] = individual / 10 % 10;
    digits[8] = individual % 10;
    int k1 = 0;
    int k2 = 0;
    if (!LegacyControlDigits(digits, k1, k2)) continue;
    ++cursor;
    uint64_t id = 0;
    for (int d : digits) id = id * 10 + static_cast<uint64_t>(d);
    return id * 100 + static_cast<uint64_t>(k1 * 10 + k2);
  }
}

}  // namespace proaktiv::synth
