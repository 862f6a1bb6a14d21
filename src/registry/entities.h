#pragma once

// The register's entities ("entitet": navn, bostedsadresse, familierelasjon,
// vergemaalEllerFremtidsfullmakt, …) as they appear in a person document and in an event's
// "egenskapshendelse": how each is read from and written to JSON (fields: entity_json.h), and
// how the four changes (registrereNy, korrigere, annullere, opphoere) act on a Person. Stateless;
// safe from any thread.

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "registry/person.h"

namespace proaktiv::registry {

enum class Change {
  kRegister,  // registrereNy: a new fact; for single-valued entities it becomes the current one
  kCorrect,   // korrigere: replaces the value of an earlier fact (an error in the register)
  kAnnul,     // annullere: removes an earlier fact as if it had never been registered
  kCease,     // opphoere: an earlier fact stops being true (a relation ends, protection lifted)
};

Result<Change> ParseChange(std::string_view text);
std::string_view Name(Change change);

// One change to one entity of a person.
struct EntityChange {
  std::string entity;  // "bostedsadresse"
  Change change = Change::kRegister;
  std::string fact_id;       // opplysningsidentifikator of the new or corrected fact
  std::string target_id;     // gjelderOpplysningsidentifikator: the fact corrected/annulled/ceased
  boost::json::object body;  // the entity's fields (empty for annul and cease)
};

// True for entities this registry models; others are kept in the event log and reported.
bool IsKnownEntity(std::string_view entity);

// Applies one change. Errors name the entity, the change and what was wrong ("korrigere
// bostedsadresse: no fact 'a17' to correct"); on error the person is unchanged.
Status ApplyEntityChange(Person& person, const EntityChange& change, int64_t sequence);

// The fields of one entity value as the register writes them, without metadata (the body of a
// registrereNy or korrigere change). Defined for every entity type of Person.
template <typename T>
boost::json::object EntityToJson(const T& value);

// The person as a register document: {"navn": [{…, "metadata": {…}}], …}.
boost::json::object PersonToJson(const Person& person);
// Reads a person document; every error names the entity and field.
Result<Person> PersonFromJson(const boost::json::object& doc);

}  // namespace proaktiv::registry
