#pragma once

// The generator's compact population model. Persons are small fixed-size records indexed by
// int32 (5.55 million of them take about 0.4 GB); family links are indices, names and streets
// are indices into the built-in lists. The full register document (registry::Person) is
// built from this on demand (person_builder.h). Plain data: not thread-safe; one owner.

#include <cstdint>
#include <string>
#include <vector>

#include "common/civil_date.h"
#include "registry/person.h"

namespace proaktiv::synth {

inline constexpr int32_t kNone = -1;

// Who holds parental responsibility for a minor (stored on the child).
enum class Custody : uint8_t { kNone, kFelles, kMother, kFather };

enum class PersonFlag : uint8_t {
  kDNumber = 1,  // identified by a D-number (status midlertidig)
  kMedmor = 2,   // the second parent (`father` field) is a medmor
  kLeft = 4,     // moved out of the selection: no longer followed
  kDead = 8,
  kInSelection = 16,  // lives in a selected municipality (the feed follows the person)
};

struct SynthAddress {
  uint16_t kommune = 0;  // index into registry::AllKommuner()
  uint16_t street = 0;   // street-name combination index (names.h)
  uint16_t house = 1;    // house number
  uint8_t letter = 0;    // 0: none, 1: 'A', 2: 'B', …
  uint16_t postal = 0;   // postal code as a number (0–9999)
  int32_t moved_in = 0;  // days since 1970-01-01
};

// A fact reference "<sequence>-<n>" (opplysningsidentifikator).
struct FactRef {
  int64_t sequence = 0;
  uint16_t n = 0;
  std::string ToString() const;
};

struct SynthPerson {
  uint64_t id = 0;  // the 11-digit identity number as an integer (0 until allocated)
  int32_t birth = 0;
  int32_t household = kNone;
  int32_t mother = kNone;
  int32_t father = kNone;   // or medmor when kMedmor is set
  int32_t partner = kNone;  // spouse or cohabitant in the same household
  int32_t next_in_household = kNone;
  int32_t civil_since = 0;        // gyldigFraOgMed of the civil status (days), 0 = none
  int32_t civil_related = kNone;  // relatertVedSivilstand (spouse)
  SynthAddress address;
  uint16_t given = 0;
  uint16_t family = 0;
  registry::Sex sex = registry::Sex::kKvinne;
  registry::CivilStatus civil = registry::CivilStatus::kUgift;
  registry::AddressProtection protection = registry::AddressProtection::kUgradert;
  Custody custody = Custody::kNone;
  uint8_t flags = 0;
  uint8_t guardianship = 0;  // 0: none; else a statsforvalter office (synth/guardianship.h)
  FactRef name_fact;         // the current navn fact
  FactRef address_fact;      // the current bostedsadresse fact

  bool Has(PersonFlag f) const { return (flags & static_cast<uint8_t>(f)) != 0; }
  void Set(PersonFlag f) { flags |= static_cast<uint8_t>(f); }
  void Clear(PersonFlag f) { flags &= static_cast<uint8_t>(~static_cast<uint8_t>(f)); }
  bool female() const { return sex == registry::Sex::kKvinne; }
  CivilDate birth_date() const { return CivilDate::FromDays(birth); }
};

struct Household {
  int32_t first = kNone;  // first member; members chain through next_in_household
  uint16_t size = 0;
};

struct Population {
  std::vector<SynthPerson> persons;
  std::vector<Household> households;

  // Appends `member` to `household` (updates the chain and the size).
  void AddToHousehold(int32_t household, int32_t member);
  // Removes `member` from its household (no-op when it has none).
  void RemoveFromHousehold(int32_t member);
  // Members of a household in chain order.
  std::vector<int32_t> Members(int32_t household) const;
  // Children of `parent` who live in the parent's household.
  std::vector<int32_t> ChildrenAtHome(int32_t parent) const;
};

// "12345678901" from the integer form, zero-padded to 11 digits.
std::string IdString(uint64_t id);

}  // namespace proaktiv::synth
