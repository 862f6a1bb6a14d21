#pragma once

// The sensitivity guard: what the engine must not do automatically, whatever a rule says.
//
//   CheckSubject     never an offer about a deceased person (a child who died, a stillborn
//                    child has no person at all); a person under guardianship goes to a
//                    caseworker.
//   CheckCause       an event trigger fired by the death of a child (under 18) is handled by a
//                    caseworker, not by an automatic letter to the parents.
//   CheckRecipient   a recipient under guardianship, or who lost a child (stillbirth or death)
//                    within the last year, is contacted by a caseworker instead.
//   LeaksProtectedAddress
//                    a text that contains any part of a protected address (fortrolig,
//                    strengtFortrolig) of the persons involved is never sent: the street with
//                    its number, the postal code with its place.
//
// Pure functions; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "common/civil_date.h"
#include "engine/field_extractor.h"
#include "registry/person.h"

namespace proaktiv::engine {

struct GuardVerdict {
  enum class Action { kProceed, kHold, kCaseworker };
  Action action = Action::kProceed;
  std::string reason;  // "subject-deceased", "guardianship", "child-death", …

  bool proceed() const { return action == Action::kProceed; }
  static GuardVerdict Proceed() { return {}; }
};

GuardVerdict CheckSubject(const registry::Person& subject);
// `cause` is the person whose register event fired the trigger (nullptr for date triggers).
GuardVerdict CheckCause(const registry::Person* cause, CivilDate today);
// Children are found through `lookup`.
GuardVerdict CheckRecipient(const registry::Person& recipient, CivilDate today,
                            const PersonLookup& lookup);

// True when any of `persons` has a protected address (anything but ugradert).
bool AnyProtectedAddress(const std::vector<const registry::Person*>& persons);

// True when `text` contains a protected address part of any of `persons`.
bool LeaksProtectedAddress(std::string_view text,
                           const std::vector<const registry::Person*>& persons);

}  // namespace proaktiv::engine
