#include "http/api/citizen.h"

#include <optional>

namespace proaktiv::http::api {
namespace {

using registry::RelationRole;

bool HasNumber(const registry::Person& person, std::string_view number) {
  if (number.empty()) return false;
  for (const auto& fact : person.identity_numbers) {
    if (fact.value.number == number) return true;
  }
  return false;
}

// What a person recorded with `role` on someone's document is to that someone.
std::optional<std::string_view> RoleAsSeenFrom(RelationRole role) {
  switch (role) {
    case RelationRole::kBarn:
    case RelationRole::kDoedfoedtBarn:
      return "child";
    case RelationRole::kMor:
    case RelationRole::kFar:
    case RelationRole::kMedmor:
      return "parent";
    case RelationRole::kEktefelleEllerPartner:
      return "spouse";
  }
  return std::nullopt;
}

}  // namespace

ApiResult<Citizen> IdentifyCitizen(const Principal& principal, engine::PersonCache& persons) {
  if (!principal.is_citizen() || principal.pid.empty()) {
    return Fail(401, "unauthorized", "this page needs a citizen's login");
  }
  const store::StoredPerson* found = persons.ById(principal.pid);
  if (found == nullptr) {
    if (persons.error()) return tl::unexpected(FromError(*persons.error()));
    return Fail(404, "unknown-person",
                "the population register as this municipality holds it has no person with "
                "your identity number");
  }
  return Citizen{found->key, &found->person};
}

std::string_view RelationTo(const Citizen& citizen, const store::StoredPerson& subject) {
  if (subject.key == citizen.key) return "self";
  // The citizen's own document: the subject is recorded with a role.
  for (const auto& r : citizen.person->relations) {
    if (!HasNumber(subject.person, r.value.related_id)) continue;
    if (auto seen = RoleAsSeenFrom(r.value.related_role)) return *seen;
  }
  // The subject's document: the citizen holds parental responsibility, or is recorded there.
  for (const auto& resp : subject.person.responsibility) {
    if (HasNumber(*citizen.person, resp.value.holder_id)) return "child";
  }
  for (const auto& r : subject.person.relations) {
    if (!HasNumber(*citizen.person, r.value.related_id)) continue;
    switch (r.value.related_role) {
      case RelationRole::kMor:
      case RelationRole::kFar:
      case RelationRole::kMedmor:
        return "child";  // the citizen is the subject's parent
      case RelationRole::kBarn:
        return "parent";
      case RelationRole::kEktefelleEllerPartner:
        return "spouse";
      case RelationRole::kDoedfoedtBarn:
        break;
    }
  }
  return "other";
}

}  // namespace proaktiv::http::api
