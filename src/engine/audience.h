#pragma once

// Who a trigger's event concerns and who receives an offer.
//
//   ResolveSubjects: an event trigger fired on `person` (the person the register event is
//   about); returns the persons to decide the service for — the person itself, their parents,
//   children, spouse or partner, or next of kin (spouse/partner, children and parents).
//   Deceased persons are never subjects unless `subjects` is self (a service's rule then says
//   why it is not eligible, e.g. "deceased").
//
//   ResolveRecipients: the persons an offer about `subject` is sent to — the subject itself
//   (audience self) or the living holders of parental responsibility recorded on the subject's
//   document (audience parents-with-responsibility). Never a deceased person.
//
// Persons are found through `lookup`; unknown ids are skipped. The returned pointers are those
// `lookup` returned (or &person for self) and live as long as they do. Pure; thread-safe when
// `lookup` is.

#include <vector>

#include "engine/field_extractor.h"
#include "engine/service_definition.h"
#include "engine/trigger.h"
#include "registry/person.h"

namespace proaktiv::engine {

std::vector<const registry::Person*> ResolveSubjects(Subjects subjects,
                                                     const registry::Person& person,
                                                     const PersonLookup& lookup);

std::vector<const registry::Person*> ResolveRecipients(Audience audience,
                                                       const registry::Person& subject,
                                                       const PersonLookup& lookup);

}  // namespace proaktiv::engine
