#pragma once

// A child born into the population during the simulated period.

#include <cstdint>

#include "common/civil_date.h"
#include "common/result.h"
#include "synth/identity_allocator.h"
#include "synth/population.h"
#include "synth/random.h"

namespace proaktiv::synth {

// Adds a child of `mother` and `partner` (kNone for none) born on `born` to the mother's
// household: sex and given name drawn, the partner as father (or medmor, when a woman), joint
// parental responsibility with a partner and the mother's otherwise, the family name of the
// mother or (sometimes) of a male partner, and the mother's address and its protection. The
// child gets a free identity number of its birth day; when a small cohort's numbers of that day
// have run out, the birth is dated up to a week earlier (as if registered late). Returns the
// child's index, or the allocator's error when no number is left in that week. Draws from `rng`
// in a fixed order.
Result<int32_t> AddNewborn(Population& pop, IdentityAllocator& ids, Rng& rng, int32_t mother,
                           int32_t partner, CivilDate born);

}  // namespace proaktiv::synth
