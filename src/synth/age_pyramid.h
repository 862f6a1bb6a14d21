#pragma once

// Norway's age pyramid (shape of SSB table 07459 for 1 January 2024, by single year of age
// 0–105 and sex, interpolated from five-year groups). Immutable; safe from any thread.

#include <cstdint>

#include "common/civil_date.h"
#include "synth/random.h"

namespace proaktiv::synth {

inline constexpr int kMaxAge = 105;

struct AgeSex {
  int age = 0;
  bool female = false;
};

// Draws an age and sex with the pyramid's probabilities.
AgeSex SampleAgeSex(Rng& rng);
// Relative weight of (age, sex) in the pyramid (persons per year of age, in thousands).
double PyramidWeight(int age, bool female);

// A birth date such that the person is exactly `age` on `reference` (uniform over that year).
CivilDate BirthDateForAge(Rng& rng, int age, CivilDate reference);

}  // namespace proaktiv::synth
