#pragma once

// The population of the selected municipalities on the first day of the period: households
// generated per kommune in parallel (each kommune from its own random stream, so the thread
// count does not change the result), joined in table order, then identity numbers assigned in
// one sequential pass so that they are unique and deterministic. Persons are numbered in that
// order; person i is baseline feed entry i + 1 and its facts are "<i + 1>-<n>".

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"
#include "synth/identity_allocator.h"
#include "synth/population.h"

namespace proaktiv::synth {

// Kommune indices for `numbers` ("0301", …) or all 357 when `all`. The error names an unknown
// number: "unknown kommune number '9999'".
Result<std::vector<int>> ResolveKommuner(bool all, const std::vector<std::string>& numbers);

struct Baseline {
  Population pop;
  IdentityAllocator ids;
  std::vector<char> selected;       // per kommune index
  int64_t selected_population = 0;  // the 2024 inhabitants of the selection
};

// `progress` (may be empty) gets (kommuner done, kommuner selected).
Result<Baseline> MakeBaseline(const std::vector<int>& kommuner, CivilDate reference, uint64_t seed,
                              int threads, const std::function<void(int64_t, int64_t)>& progress);

}  // namespace proaktiv::synth
