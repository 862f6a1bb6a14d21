#include "engine/audience.h"

#include <algorithm>

namespace proaktiv::engine {

namespace {

using registry::Person;
using registry::RelationRole;

bool IsParentRole(RelationRole r) {
  return r == RelationRole::kMor || r == RelationRole::kFar || r == RelationRole::kMedmor;
}

bool Wanted(Subjects subjects, RelationRole role) {
  switch (subjects) {
    case Subjects::kSelf:
      return false;
    case Subjects::kParents:
      return IsParentRole(role);
    case Subjects::kChildren:
      return role == RelationRole::kBarn;
    case Subjects::kSpouse:
      return role == RelationRole::kEktefelleEllerPartner;
    case Subjects::kNextOfKin:
      return IsParentRole(role) || role == RelationRole::kBarn ||
             role == RelationRole::kEktefelleEllerPartner;
  }
  return false;
}

void AddUnique(std::vector<const Person*>& out, const Person* p) {
  if (p != nullptr && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
}

}  // namespace

std::vector<const Person*> ResolveSubjects(Subjects subjects, const Person& person,
                                           const PersonLookup& lookup) {
  std::vector<const Person*> out;
  if (subjects == Subjects::kSelf) {
    out.push_back(&person);
    return out;
  }
  if (!lookup) return out;
  for (const auto& r : person.relations) {
    if (r.value.related_id.empty() || !Wanted(subjects, r.value.related_role)) continue;
    const Person* other = lookup(r.value.related_id);
    if (other != nullptr && !other->is_dead()) AddUnique(out, other);
  }
  return out;
}

std::vector<const Person*> ResolveRecipients(Audience audience, const Person& subject,
                                             const PersonLookup& lookup) {
  std::vector<const Person*> out;
  if (audience == Audience::kSelf) {
    if (!subject.is_dead()) out.push_back(&subject);
    return out;
  }
  if (!lookup) return out;
  const std::string& self = subject.id();
  for (const auto& f : subject.responsibility) {
    if (!f.value.child_id.empty() && f.value.child_id != self) continue;
    const Person* holder = lookup(f.value.holder_id);
    if (holder != nullptr && !holder->is_dead()) AddUnique(out, holder);
  }
  return out;
}

}  // namespace proaktiv::engine
