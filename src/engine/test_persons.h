#pragma once

// Builders for registry::Person in engine tests (tests only). A Family holds persons by
// identity number and provides the PersonLookup the engine needs.

#include <map>
#include <string>

#include "common/civil_date.h"
#include "engine/field_extractor.h"
#include "registry/person.h"

namespace proaktiv::engine::testing {

inline CivilDate D(const char* iso) { return *CivilDate::Parse(iso); }

template <typename T>
registry::Fact<T> F(T v) {
  return registry::Fact<T>{"f", 0, std::move(v)};
}

inline registry::Person MakePerson(const std::string& id, const char* birth,
                                   const std::string& kommune, const std::string& given) {
  registry::Person p;
  p.identity_numbers.push_back(F(registry::IdentityNumber{id, true}));
  p.name.facts.push_back(F(registry::PersonName{given, "", "Nordmann"}));
  p.birth.facts.push_back(F(registry::Birth{D(birth), kommune}));
  p.status.facts.push_back(F(registry::StatusFact{registry::PersonStatus::kBosatt}));
  registry::Address a;
  a.street = "Storgata";
  a.house_number = "1";
  a.postal_code = "0155";
  a.postal_place = "OSLO";
  a.kommunenummer = kommune;
  a.moved_in = D(birth);
  p.residence.facts.push_back(F(a));
  return p;
}

inline void Move(registry::Person& p, const std::string& kommune, const char* date) {
  registry::Address a = *p.residence.current();
  a.kommunenummer = kommune;
  a.street = "Nygata";
  a.moved_in = D(date);
  p.residence.facts.push_back(F(a));
}

inline void Die(registry::Person& p, const char* date) {
  p.death.facts.push_back(F(registry::Death{D(date)}));
  p.status.facts.push_back(F(registry::StatusFact{registry::PersonStatus::kDoed}));
}

inline void Relate(registry::Person& p, const registry::Person& other,
                   registry::RelationRole role) {
  p.relations.push_back(F(registry::FamilyRelation{other.id(), role, std::nullopt, std::nullopt}));
}

class Family {
 public:
  registry::Person& Add(registry::Person p) {
    std::string id = p.id();
    return persons_[id] = std::move(p);
  }
  registry::Person& operator[](const std::string& id) { return persons_.at(id); }
  // Parent and child related both ways, with parental responsibility on the child.
  void ParentOf(const std::string& parent, const std::string& child, registry::RelationRole role,
                bool responsibility = true) {
    Relate(persons_.at(child), persons_.at(parent), role);
    Relate(persons_.at(parent), persons_.at(child), registry::RelationRole::kBarn);
    if (responsibility) {
      persons_.at(child).responsibility.push_back(
          F(registry::ParentalResponsibility{registry::Responsibility::kFelles, parent, child}));
    }
  }
  PersonLookup Lookup() const {
    return [this](std::string_view id) -> const registry::Person* {
      auto it = persons_.find(std::string(id));
      return it == persons_.end() ? nullptr : &it->second;
    };
  }

 private:
  std::map<std::string, registry::Person> persons_;
};

}  // namespace proaktiv::engine::testing
