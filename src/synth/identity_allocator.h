#pragma once

// Hands out synthetic identity numbers (Test Norge: month + 80), unique across everything one
// allocator has issued. For each birth date, sex and kind (fødselsnummer or D-number) it walks
// the individual numbers the legacy century rule allows for that year (1900–1999: 000–499,
// and 900–999 from 1940; 2000–2039: 500–999; 1854–1899: 500–749), odd for men and even for
// women, skipping those whose control digits would be 10. Deterministic: the same sequence of
// requests gives the same numbers. Not thread-safe (one sequential pass assigns them).

#include <cstdint>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"

namespace proaktiv::synth {

class IdentityAllocator {
 public:
  // Covers birth dates from 1854-01-01 to 2039-12-31.
  IdentityAllocator();

  // The next free number for the given birth date, sex and kind, as an integer of 11 digits.
  // Fails when the date is outside the range or every number for it is taken.
  Result<uint64_t> Next(CivilDate birth, bool female, bool d_number);

 private:
  std::vector<uint16_t> cursor_;  // per (day, sex, kind): index into the candidate order
  int32_t first_day_ = 0;
  int32_t last_day_ = 0;
};

// Computes the two control digits for the first nine digits by the legacy rule; false when
// either would be 10. Exposed for tests.
bool LegacyControlDigits(const int digits[9], int& k1, int& k2);

}  // namespace proaktiv::synth
