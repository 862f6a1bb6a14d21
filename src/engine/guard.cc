#include "engine/guard.h"

#include <algorithm>

namespace proaktiv::engine {

namespace {

using registry::AddressProtection;
using registry::Person;
using registry::RelationRole;

GuardVerdict Verdict(GuardVerdict::Action action, std::string reason) {
  return GuardVerdict{action, std::move(reason)};
}

bool DiedAsChild(const Person& p) {
  const auto birth = p.birth_date();
  const auto* death = p.death.current();
  if (!birth || death == nullptr) return false;
  return death->date < birth->AddYears(18);
}

bool Protected(const Person& p) {
  AddressProtection g = p.current_protection();
  return g != AddressProtection::kUgradert;
}

}  // namespace

GuardVerdict CheckSubject(const Person& subject) {
  if (subject.is_dead()) return Verdict(GuardVerdict::Action::kHold, "subject-deceased");
  if (subject.UnderGuardianship()) {
    return Verdict(GuardVerdict::Action::kCaseworker, "guardianship");
  }
  return GuardVerdict::Proceed();
}

GuardVerdict CheckCause(const Person* cause, CivilDate /*today*/) {
  if (cause != nullptr && DiedAsChild(*cause)) {
    return Verdict(GuardVerdict::Action::kCaseworker, "child-death");
  }
  return GuardVerdict::Proceed();
}

GuardVerdict CheckRecipient(const Person& recipient, CivilDate today, const PersonLookup& lookup) {
  if (recipient.UnderGuardianship()) {
    return Verdict(GuardVerdict::Action::kCaseworker, "guardianship");
  }
  const CivilDate year_ago = today.AddDays(-365);
  for (const auto& r : recipient.relations) {
    if (r.value.related_role == RelationRole::kDoedfoedtBarn && r.value.date &&
        *r.value.date > year_ago) {
      return Verdict(GuardVerdict::Action::kCaseworker, "stillbirth");
    }
    if (r.value.related_role == RelationRole::kBarn && lookup && !r.value.related_id.empty()) {
      const Person* child = lookup(r.value.related_id);
      const auto* death = child ? child->death.current() : nullptr;
      if (death != nullptr && death->date > year_ago && death->date <= today) {
        return Verdict(GuardVerdict::Action::kCaseworker, "child-death");
      }
    }
  }
  return GuardVerdict::Proceed();
}

bool AnyProtectedAddress(const std::vector<const Person*>& persons) {
  return std::any_of(persons.begin(), persons.end(),
                     [](const Person* p) { return p != nullptr && Protected(*p); });
}

bool LeaksProtectedAddress(std::string_view text, const std::vector<const Person*>& persons) {
  auto contains = [&](const std::string& part) {
    return !part.empty() && text.find(part) != std::string_view::npos;
  };
  for (const Person* p : persons) {
    if (p == nullptr || !Protected(*p)) continue;
    for (const auto& fact : p->residence.facts) {
      const registry::Address& a = fact.value;
      if (!a.street.empty() && contains(a.street + " " + a.house_number)) return true;
      if (!a.postal_code.empty() && contains(a.postal_code + " " + a.postal_place)) return true;
    }
  }
  return false;
}

}  // namespace proaktiv::engine
