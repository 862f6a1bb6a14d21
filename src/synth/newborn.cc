#include "synth/newborn.h"

#include "synth/households.h"

namespace proaktiv::synth {

Result<int32_t> AddNewborn(Population& pop, IdentityAllocator& ids, Rng& rng, int32_t mother,
                           int32_t partner, CivilDate born) {
  auto person = [&pop](int32_t i) -> SynthPerson& { return pop.persons[static_cast<size_t>(i)]; };
  SynthPerson child;
  const bool female = rng.Chance(0.486);
  child.sex = female ? registry::Sex::kKvinne : registry::Sex::kMann;
  child.birth = born.days();
  child.given = PickGiven(rng, female);
  child.mother = mother;
  child.father = partner;
  if (partner != kNone && person(partner).female()) child.Set(PersonFlag::kMedmor);
  child.custody = partner != kNone ? Custody::kFelles : Custody::kMother;
  child.family = partner != kNone && !person(partner).female() && rng.Chance(0.6)
                     ? person(partner).family
                     : person(mother).family;
  child.address = person(mother).address;
  child.protection = person(mother).protection;
  child.Set(PersonFlag::kInSelection);
  auto id = ids.Next(born, female, false);
  for (int back = 1; !id && back <= 7; ++back) {
    child.birth = born.AddDays(-back).days();
    id = ids.Next(child.birth_date(), female, false);
  }
  if (!id) return tl::unexpected(id.error());
  child.id = *id;
  child.address.moved_in = child.birth;
  pop.persons.push_back(child);
  const auto c = static_cast<int32_t>(pop.persons.size() - 1);
  pop.AddToHousehold(person(mother).household, c);
  return c;
}

}  // namespace proaktiv::synth
