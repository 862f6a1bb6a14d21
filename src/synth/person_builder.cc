#include "synth/person_builder.h"

#include "registry/entities.h"
#include "synth/geography.h"
#include "synth/guardianship.h"
#include "synth/names.h"

namespace proaktiv::synth {
namespace {

using namespace registry;  // NOLINT: the register's many small types

template <typename T>
Fact<T> MakeFact(int64_t sequence, uint16_t n, int64_t fact_sequence, T value) {
  return Fact<T>{FactRef{sequence, n}.ToString(), fact_sequence, std::move(value)};
}

}  // namespace

PersonName NameOf(const SynthPerson& p) {
  PersonName n;
  n.given = std::string(GivenNames(p.female())[p.given]);
  n.family = std::string(FamilyNames()[p.family]);
  return n;
}

Person BuildPerson(const Population& pop, int32_t index, int64_t sequence, int64_t fact_sequence) {
  const SynthPerson& p = pop.persons[static_cast<size_t>(index)];
  auto id_of = [&](int32_t i) { return IdString(pop.persons[static_cast<size_t>(i)].id); };
  const std::string my_id = IdString(p.id);
  Person out;
  out.identity_numbers.push_back(MakeFact(sequence, 1, fact_sequence, IdentityNumber{my_id, true}));
  out.name.facts.push_back(MakeFact(sequence, kNameFact, fact_sequence, NameOf(p)));
  out.sex.facts.push_back(MakeFact(sequence, 3, fact_sequence, p.sex));
  std::string born_in =
      p.Has(PersonFlag::kDNumber) ? std::string() : Kommuner()[p.address.kommune].number;
  out.birth.facts.push_back(MakeFact(sequence, 4, fact_sequence, Birth{p.birth_date(), born_in}));
  PersonStatus status = p.Has(PersonFlag::kDead)      ? PersonStatus::kDoed
                        : p.Has(PersonFlag::kDNumber) ? PersonStatus::kMidlertidig
                                                      : PersonStatus::kBosatt;
  out.status.facts.push_back(MakeFact(sequence, 5, fact_sequence, StatusFact{status}));
  out.residence.facts.push_back(
      MakeFact(sequence, kAddressFact, fact_sequence, ToRegistryAddress(p.address)));
  if (p.protection != AddressProtection::kUgradert) {
    out.protection.facts.push_back(
        MakeFact(sequence, 7, fact_sequence, ProtectionFact{p.protection}));
  }
  CivilStatusFact civil;
  civil.status = p.civil;
  if (p.civil_since != 0) civil.valid_from = CivilDate::FromDays(p.civil_since);
  if (p.civil_related != kNone) civil.related_id = id_of(p.civil_related);
  out.civil_status.facts.push_back(MakeFact(sequence, 8, fact_sequence, civil));

  uint16_t n = 9;
  auto relation = [&](int32_t other, RelationRole theirs, RelationRole mine) {
    FamilyRelation r;
    r.related_id = id_of(other);
    r.related_role = theirs;
    r.my_role = mine;
    out.relations.push_back(MakeFact(sequence, n++, fact_sequence, r));
  };
  bool medmor = p.Has(PersonFlag::kMedmor);
  if (p.mother != kNone) relation(p.mother, RelationRole::kMor, RelationRole::kBarn);
  if (p.father != kNone) {
    relation(p.father, medmor ? RelationRole::kMedmor : RelationRole::kFar, RelationRole::kBarn);
  }
  std::vector<int32_t> children = pop.ChildrenAtHome(index);
  for (int32_t c : children) {
    const SynthPerson& child = pop.persons[static_cast<size_t>(c)];
    RelationRole mine = child.mother == index            ? RelationRole::kMor
                        : child.Has(PersonFlag::kMedmor) ? RelationRole::kMedmor
                                                         : RelationRole::kFar;
    relation(c, RelationRole::kBarn, mine);
  }
  auto kind_of = [](const SynthPerson& child) {
    switch (child.custody) {
      case Custody::kMother:
        return Responsibility::kMor;
      case Custody::kFather:
        return Responsibility::kFar;
      default:
        return Responsibility::kFelles;
    }
  };
  // On the child: one fact per responsible parent; on the parent: one per child.
  if (p.custody != Custody::kNone) {
    for (int32_t parent : {p.mother, p.father}) {
      if (parent == kNone) continue;
      if (p.custody == Custody::kMother && parent != p.mother) continue;
      if (p.custody == Custody::kFather && parent != p.father) continue;
      ParentalResponsibility r{kind_of(p), id_of(parent), ""};
      out.responsibility.push_back(MakeFact(sequence, n++, fact_sequence, r));
    }
  }
  for (int32_t c : children) {
    const SynthPerson& child = pop.persons[static_cast<size_t>(c)];
    bool holds = child.custody == Custody::kFelles ||
                 (child.custody == Custody::kMother && child.mother == index) ||
                 (child.custody == Custody::kFather && child.father == index);
    if (!holds) continue;
    ParentalResponsibility r{kind_of(child), "", id_of(c)};
    out.responsibility.push_back(MakeFact(sequence, n++, fact_sequence, r));
  }
  if (p.guardianship != 0) {
    out.guardianship.push_back(MakeFact(sequence, n++, fact_sequence, GuardianshipOf(p)));
  }
  return out;
}

}  // namespace proaktiv::synth
