#include "synth/population_sampler.h"

#include <algorithm>

#include "synth/geography.h"

namespace proaktiv::synth {

PopulationSampler::PopulationSampler(Population& pop, const std::vector<char>& selected, Rng& rng)
    : pop_(pop), selected_(selected), rng_(rng) {
  const auto all = Kommuner();
  double sum = 0;
  double outside = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    sum += static_cast<double>(all[i].population);
    cumulative_.push_back(sum);
    if (!IsSelected(static_cast<int>(i))) outside += static_cast<double>(all[i].population);
  }
  outside_share_ = outside / sum;
}

bool PopulationSampler::IsSelected(int kommune) const {
  return kommune >= 0 && static_cast<size_t>(kommune) < selected_.size() &&
         selected_[static_cast<size_t>(kommune)] != 0;
}

bool PopulationSampler::Active(int32_t person) const {
  if (person == kNone) return false;
  const SynthPerson& p = pop_.persons[static_cast<size_t>(person)];
  return !p.Has(PersonFlag::kLeft) && !p.Has(PersonFlag::kDead);
}

int32_t PopulationSampler::PickHousehold() {
  return Pick([&](int32_t i) {
    const SynthPerson& p = pop_.persons[static_cast<size_t>(i)];
    if (p.household == kNone) return 0.0;
    const uint16_t size = pop_.households[static_cast<size_t>(p.household)].size;
    return 1.0 / std::max<uint16_t>(size, 1);
  });
}

int PopulationSampler::PickKommune(bool selected_only, bool outside_only, int not_this) {
  for (int tries = 0; tries < 100000; ++tries) {
    const double u = rng_.Uniform() * cumulative_.back();
    const int k = static_cast<int>(std::upper_bound(cumulative_.begin(), cumulative_.end(), u) -
                                   cumulative_.begin());
    if (k >= static_cast<int>(cumulative_.size()) || k == not_this) continue;
    if (selected_only && !IsSelected(k)) continue;
    if (outside_only && IsSelected(k)) continue;
    return k;
  }
  return not_this;
}

}  // namespace proaktiv::synth
