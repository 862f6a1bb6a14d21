#pragma once

// Draws the persons, households and kommuner that the event simulator's life events happen to,
// from the simulator's random stream (so the draws stay in one deterministic sequence).
// Kommuner are drawn in proportion to their population (kommuner.csv). Holds references to the
// population, the selection and the stream; single-threaded, like the simulator.

#include <cstdint>
#include <vector>

#include "synth/population.h"
#include "synth/random.h"

namespace proaktiv::synth {

class PopulationSampler {
 public:
  // `selected`: per kommune index, 1 when in the selection.
  PopulationSampler(Population& pop, const std::vector<char>& selected, Rng& rng);

  bool IsSelected(int kommune) const;
  // Neither moved out of the selection nor dead.
  bool Active(int32_t person) const;
  // The share of Norway's population that lives outside the selection.
  double outside_share() const { return outside_share_; }

  // A uniformly drawn active person, accepted with probability `accept(person)`; kNone after
  // many rejections (or in an empty population).
  template <typename Accept>
  int32_t Pick(Accept accept) {
    if (pop_.persons.empty()) return kNone;
    for (int tries = 0; tries < 200000; ++tries) {
      const auto i = static_cast<int32_t>(rng_.Below(static_cast<uint32_t>(pop_.persons.size())));
      if (!Active(i)) continue;
      const double p = accept(i);
      if (p > 0 && rng_.Uniform() < p) return i;
    }
    return kNone;
  }
  // A member of a uniformly drawn household (each household equally likely, whatever its size).
  int32_t PickHousehold();
  // A kommune drawn by population, other than `not_this`, inside the selection only or outside
  // it only when asked; `not_this` when none is found after many draws.
  int PickKommune(bool selected_only, bool outside_only, int not_this);

 private:
  Population& pop_;
  const std::vector<char>& selected_;
  Rng& rng_;
  std::vector<double> cumulative_;  // population of kommuner 0..i
  double outside_share_ = 0;
};

}  // namespace proaktiv::synth
