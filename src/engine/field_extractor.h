#pragma once

// The field extractor: turns catalog field ids ("person.birth_date",
// "person.residence.kommunenummer", "person.children" …) into FEEL values for one person, so
// that a service's DMN inputs can be filled from the register through its field mapping.
//
// The table (AllFieldExtractors) is the single place that knows how a field is read from a
// registry::Person; a field that is in the catalog but not in the table cannot be mapped to a
// DMN input (the bundle loader refuses it). Values:
//
//   person.name                     context {given, middle, family, full}
//   person.birth_date               date
//   person.age_years / age_months   number (whole years / months completed on `today`)
//   person.sex                      string "kvinne" | "mann"
//   person.status                   string, the register's status ("bosatt", "doed", …);
//                                   "doed" whenever a death is registered
//   person.death_date               date or null
//   person.residence.kommunenummer  string or null
//   person.residence.address        context {street, house_number, postal_code, postal_place,
//                                   kommunenummer}; null when the address is protected
//                                   (fortrolig, strengtFortrolig …): never revealed
//   person.residence.moved_in       date or null
//   person.residence.previous_kommunenummer  string or null (the residence before the current)
//   person.address_protection       string ("ugradert", "fortrolig", "strengtFortrolig", …)
//   person.civil_status             string ("gift", "enkeEllerEnkemann", …) or null
//   person.civil_status_date        date or null
//   person.children                 list of {name, birth_date, age_years} of living children
//   person.parents                  list of {name, role} (role "mor", "far", "medmor")
//   person.parental_responsibility  list of {name, role, kind} of those holding parental
//                                   responsibility for this person (the child's document)
//   person.family_deaths            list of {relation, death_date} of deceased spouse,
//                                   children and parents
//   contact.language, contact.reserved   from the contact register (ContactInfo), else null
//   kommune.name                    the name of the residence municipality
//
// Related persons are looked up by identity number through `lookup`; a relation whose person
// is unknown is left out. Extractors are pure functions; thread-safe.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/civil_date.h"
#include "feel/value.h"
#include "registry/person.h"

namespace proaktiv::engine {

// Finds a person by identity number; nullptr when unknown. Must be callable from the thread
// that extracts.
using PersonLookup = std::function<const registry::Person*(std::string_view identity_number)>;

// What the contact register (KRR) says about a person, when the caller has it.
struct ContactInfo {
  std::string language;  // "nb", "nn", "en"
  bool reserved = false;
};

struct ExtractionContext {
  const registry::Person& person;
  const PersonLookup& lookup;
  CivilDate today;
  const ContactInfo* contact = nullptr;  // optional
};

struct FieldExtractor {
  std::string_view field_id;
  feel::Value (*extract)(const ExtractionContext&);
  // For some list fields: the number of items `extract` returns, without building them
  // (engine/eligibility_scan.h uses it when a rule only counts the list); nullptr otherwise.
  size_t (*count)(const ExtractionContext&) = nullptr;
  // For some string fields: the text `extract` returns (nullopt for null), without allocating
  // (engine/scan_key.h); nullptr otherwise.
  std::optional<std::string_view> (*text)(const ExtractionContext&) = nullptr;
};

std::span<const FieldExtractor> AllFieldExtractors();
// nullptr when no extractor reads `field_id`.
const FieldExtractor* FindFieldExtractor(std::string_view field_id);

// The person's full name ("given middle family", blanks collapsed); empty when unknown.
std::string FullName(const registry::Person& person);

}  // namespace proaktiv::engine
