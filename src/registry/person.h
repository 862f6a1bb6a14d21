#pragma once

// The person document, modelled on the population register (Folkeregisteret). Every fact
// ("opplysning") carries an id and the feed sequence that registered it, so that a later
// correction (korrigere) can replace it and an annulment (annullere) can remove it; the current
// value of a single-valued entity is its last fact. Plain data: copy freely, not thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"

namespace proaktiv::registry {

template <typename T>
struct Fact {
  std::string fact_id;   // opplysningsidentifikator
  int64_t sequence = 0;  // feed sequence that registered or last corrected it; 0 = baseline
  T value;
};

// A single-valued entity with history: the current value is the last fact.
template <typename T>
struct History {
  std::vector<Fact<T>> facts;
  const T* current() const { return facts.empty() ? nullptr : &facts.back().value; }
  bool empty() const { return facts.empty(); }
};

enum class Sex { kKvinne, kMann };
enum class PersonStatus {
  kBosatt,
  kUtflyttet,
  kDoed,
  kOpphoert,
  kInaktiv,
  kMidlertidig,
  kIkkeBosatt,
  kForsvunnet,
  kFoedselsregistrert,
};
enum class AddressProtection { kUgradert, kFortrolig, kStrengtFortrolig, kStrengtFortroligUtland };
enum class RelationRole { kMor, kFar, kMedmor, kBarn, kEktefelleEllerPartner, kDoedfoedtBarn };
enum class Responsibility { kFelles, kMor, kFar, kMedmor, kAndre, kUkjent };
enum class CivilStatus {
  kUoppgitt,
  kUgift,
  kGift,
  kEnkeEllerEnkemann,
  kSkilt,
  kSeparert,
  kRegistrertPartner,
  kSeparertPartner,
  kSkiltPartner,
  kGjenlevendePartner,
};

// Names as the register spells them ("bosatt", "strengtFortrolig", "ektefelleEllerPartner").
std::string_view Name(Sex v);
std::string_view Name(PersonStatus v);
std::string_view Name(AddressProtection v);
std::string_view Name(RelationRole v);
std::string_view Name(Responsibility v);
std::string_view Name(CivilStatus v);
// Parses a register name; the error names the field and the value.
Result<Sex> ParseSex(std::string_view s);
Result<PersonStatus> ParsePersonStatus(std::string_view s);
Result<AddressProtection> ParseAddressProtection(std::string_view s);
Result<RelationRole> ParseRelationRole(std::string_view s);
Result<Responsibility> ParseResponsibility(std::string_view s);
Result<CivilStatus> ParseCivilStatus(std::string_view s);

struct IdentityNumber {
  std::string number;  // 11 digits
  bool in_use = true;  // false: ceased (opphoert), e.g. a D-number replaced by a fødselsnummer
};

struct PersonName {
  std::string given;   // fornavn
  std::string middle;  // mellomnavn
  std::string family;  // etternavn
};

struct Birth {
  CivilDate date;
  std::string kommunenummer;  // foedekommuneINorge; empty when born abroad
};

struct Death {
  CivilDate date;
};

struct StatusFact {
  PersonStatus status = PersonStatus::kBosatt;
};

struct Address {
  std::string street;        // adressenavn
  std::string house_number;  // husnummer (with letter)
  std::string postal_code;   // postnummer
  std::string postal_place;  // poststed
  std::string kommunenummer;
  CivilDate moved_in;  // flyttedato
};

struct ProtectionFact {
  AddressProtection grading = AddressProtection::kUgradert;
};

struct FamilyRelation {
  std::string related_id;  // relatertPersonsIdentifikator; empty for a stillborn child
  RelationRole related_role = RelationRole::kBarn;  // relatertPersonsRolle
  std::optional<RelationRole> my_role;              // minRolleForPerson
  std::optional<CivilDate> date;                    // for doedfoedtBarn: the date
};

struct ParentalResponsibility {
  Responsibility kind = Responsibility::kFelles;  // ansvar
  std::string holder_id;                          // ansvarlig
  std::string child_id;                           // ansvarssubjekt
};

struct CivilStatusFact {
  CivilStatus status = CivilStatus::kUgift;
  std::optional<CivilDate> valid_from;  // gyldigFraOgMed
  std::string related_id;               // relatertVedSivilstand
};

// A guardianship or a confirmed lasting power of attorney (vergemaalEllerFremtidsfullmakt).
// The register's code values (type, embete, omfang) are kept as text: the register adds values
// over time, and an unknown one must not stop intake.
struct Guardianship {
  // "voksen", "mindreaarig", "midlertidigForVoksen", "midlertidigForMindreaarig",
  // "ensligMindreaarigAsylsoeker", "ensligMindreaarigFlyktning", "forvaltningUtenforVergemaal",
  // "stadfestetFremtidsfullmakt", …; empty when the register gave none.
  std::string type;
  std::string embete;  // the statsforvalter office, e.g. "statsforvalterenIOsloOgViken"
  // vergeEllerFullmektig: the guardian or attorney.
  std::string guardian_id;   // motpartsPersonidentifikator; empty when not given
  PersonName guardian_name;  // navn; all parts empty when not given
  // omfang: "personligeOgOekonomiskeInteresser", "personligeInteresser",
  // "oekonomiskeInteresser", "utlendingssakerPersonligeOgOekonomiskeInteresser", …
  std::string scope;
  bool scope_within_personal = false;  // omfangetErInnenPersonligOmraade
};

// True when the fact means that someone else acts for the person: every type except
// "forvaltningUtenforVergemaal" (the statsforvalter manages money, but nobody is appointed to
// act for the person). A stadfestet fremtidsfullmakt counts: the attorney acts for the person
// as a guardian would. Unknown and missing types count too, so that a new kind of guardianship
// is routed to a caseworker rather than treated as none.
bool RepresentsPerson(const Guardianship& g);

struct Person {
  std::vector<Fact<IdentityNumber>> identity_numbers;
  History<PersonName> name;
  History<Sex> sex;
  History<Birth> birth;
  History<Death> death;
  History<StatusFact> status;
  History<Address> residence;
  History<ProtectionFact> protection;
  std::vector<Fact<FamilyRelation>> relations;
  std::vector<Fact<ParentalResponsibility>> responsibility;
  History<CivilStatusFact> civil_status;
  // Multi-valued; every fact is current: opphoere and annullere remove a fact.
  std::vector<Fact<Guardianship>> guardianship;

  // The identity number in use (the last one registered as in use); empty if none.
  const std::string& id() const;
  std::optional<CivilDate> birth_date() const;
  PersonStatus current_status() const;  // bosatt when unknown
  std::string kommunenummer() const;    // of the current residence; empty if none
  AddressProtection current_protection() const;
  bool is_dead() const { return !death.empty(); }
  // Ids of persons related with `role` (e.g. kBarn: this person's children).
  std::vector<std::string> RelatedIds(RelationRole role) const;
  // True when a current guardianship fact represents the person (RepresentsPerson): the person
  // is under guardianship (vergemål, for an adult or a minor) or has a confirmed lasting power
  // of attorney. Says nothing about the parents' ordinary responsibility for a minor.
  bool UnderGuardianship() const;
};

}  // namespace proaktiv::registry
