#pragma once

// Builds the households of one municipality from the age pyramid: every person is drawn from
// the pyramid first, then minors are placed with a mother of plausible age (20–44 at the
// birth) and siblings, most with a father or medmor too; the remaining adults form couples of
// similar age or live alone. Couples are married (gift, with a spouse reference) or cohabiting
// (ugift); singles are ugift, skilt or enkeEllerEnkemann by age. Minors get parental
// responsibility (felles for couples, with the one parent otherwise). Each household gets one
// address in the kommune; ~0.1 % of households have a protected address, ~0.5 % of persons
// are foreigners with a D-number.
//
// Deterministic for (seed, kommune). Identity numbers are left 0 (see identity_allocator.h).
// Pure function of its arguments; safe to call from several threads at once.

#include <cstdint>

#include "common/civil_date.h"
#include "synth/population.h"
#include "synth/random.h"

namespace proaktiv::synth {

// About `persons` persons living in kommune index `kommune` on `reference`.
Population GenerateKommune(uint64_t seed, int kommune, int64_t persons, CivilDate reference);

// Appends one household of a few persons (a single adult, a couple, or a family with
// children) living in `kommune` on `reference`, for persons who move into the selection from
// elsewhere. Returns the household index.
int32_t AppendSmallHousehold(Population& pop, Rng& rng, int kommune, CivilDate reference);

// Picks a given name (index) for a person of the given sex.
uint16_t PickGiven(Rng& rng, bool female);
// Picks a family name (index), skewed towards the most common ones.
uint16_t PickFamily(Rng& rng);

}  // namespace proaktiv::synth
