#include "synth/population.h"

#include <fmt/format.h>

namespace proaktiv::synth {

std::string FactRef::ToString() const { return fmt::format("{}-{}", sequence, n); }

std::string IdString(uint64_t id) {
  std::string out(11, '0');
  for (int i = 10; i >= 0; --i) {
    out[static_cast<size_t>(i)] = static_cast<char>('0' + id % 10);
    id /= 10;
  }
  return out;
}

void Population::AddToHousehold(int32_t household, int32_t member) {
  Household& h = households[static_cast<size_t>(household)];
  SynthPerson& p = persons[static_cast<size_t>(member)];
  p.household = household;
  p.next_in_household = kNone;
  if (h.first == kNone) {
    h.first = member;
  } else {
    int32_t at = h.first;
    while (persons[static_cast<size_t>(at)].next_in_household != kNone) {
      at = persons[static_cast<size_t>(at)].next_in_household;
    }
    persons[static_cast<size_t>(at)].next_in_household = member;
  }
  ++h.size;
}

void Population::RemoveFromHousehold(int32_t member) {
  SynthPerson& p = persons[static_cast<size_t>(member)];
  if (p.household == kNone) return;
  Household& h = households[static_cast<size_t>(p.household)];
  if (h.first == member) {
    h.first = p.next_in_household;
  } else {
    int32_t at = h.first;
    while (at != kNone && persons[static_cast<size_t>(at)].next_in_household != member) {
      at = persons[static_cast<size_t>(at)].next_in_household;
    }
    if (at != kNone) persons[static_cast<size_t>(at)].next_in_household = p.next_in_household;
  }
  if (h.size > 0) --h.size;
  p.household = kNone;
  p.next_in_household = kNone;
}

std::vector<int32_t> Population::Members(int32_t household) const {
  std::vector<int32_t> out;
  if (household == kNone) return out;
  for (int32_t at = households[static_cast<size_t>(household)].first; at != kNone;
       at = persons[static_cast<size_t>(at)].next_in_household) {
    out.push_back(at);
  }
  return out;
}

std::vector<int32_t> Population::ChildrenAtHome(int32_t parent) const {
  std::vector<int32_t> out;
  for (int32_t m : Members(persons[static_cast<size_t>(parent)].household)) {
    const SynthPerson& c = persons[static_cast<size_t>(m)];
    if (c.mother == parent || c.father == parent) out.push_back(m);
  }
  return out;
}

}  // namespace proaktiv::synth
