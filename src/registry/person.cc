#include "registry/person.h"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace proaktiv::registry {
namespace {

// One table per enum: enum value and register name, in declaration order.
template <typename E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Sex, 2> kSexNames{{{Sex::kKvinne, "kvinne"}, {Sex::kMann, "mann"}}};
constexpr NameTable<PersonStatus, 9> kStatusNames{{
    {PersonStatus::kBosatt, "bosatt"},
    {PersonStatus::kUtflyttet, "utflyttet"},
    {PersonStatus::kDoed, "doed"},
    {PersonStatus::kOpphoert, "opphoert"},
    {PersonStatus::kInaktiv, "inaktiv"},
    {PersonStatus::kMidlertidig, "midlertidig"},
    {PersonStatus::kIkkeBosatt, "ikkeBosatt"},
    {PersonStatus::kForsvunnet, "forsvunnet"},
    {PersonStatus::kFoedselsregistrert, "foedselsregistrert"},
}};
constexpr NameTable<AddressProtection, 4> kProtectionNames{{
    {AddressProtection::kUgradert, "ugradert"},
    {AddressProtection::kFortrolig, "fortrolig"},
    {AddressProtection::kStrengtFortrolig, "strengtFortrolig"},
    {AddressProtection::kStrengtFortroligUtland, "strengtFortroligUtland"},
}};
constexpr NameTable<RelationRole, 6> kRoleNames{{
    {RelationRole::kMor, "mor"},
    {RelationRole::kFar, "far"},
    {RelationRole::kMedmor, "medmor"},
    {RelationRole::kBarn, "barn"},
    {RelationRole::kEktefelleEllerPartner, "ektefelleEllerPartner"},
    {RelationRole::kDoedfoedtBarn, "doedfoedtBarn"},
}};
constexpr NameTable<Responsibility, 6> kResponsibilityNames{{
    {Responsibility::kFelles, "felles"},
    {Responsibility::kMor, "mor"},
    {Responsibility::kFar, "far"},
    {Responsibility::kMedmor, "medmor"},
    {Responsibility::kAndre, "andre"},
    {Responsibility::kUkjent, "ukjent"},
}};
constexpr NameTable<CivilStatus, 10> kCivilNames{{
    {CivilStatus::kUoppgitt, "uoppgitt"},
    {CivilStatus::kUgift, "ugift"},
    {CivilStatus::kGift, "gift"},
    {CivilStatus::kEnkeEllerEnkemann, "enkeEllerEnkemann"},
    {CivilStatus::kSkilt, "skilt"},
    {CivilStatus::kSeparert, "separert"},
    {CivilStatus::kRegistrertPartner, "registrertPartner"},
    {CivilStatus::kSeparertPartner, "separertPartner"},
    {CivilStatus::kSkiltPartner, "skiltPartner"},
    {CivilStatus::kGjenlevendePartner, "gjenlevendePartner"},
}};

template <typename E, size_t N>
std::string_view Lookup(const NameTable<E, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename E, size_t N>
Result<E> Parse(const NameTable<E, N>& table, std::string_view field, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  std::string allowed;
  for (const auto& entry : table) {
    if (!allowed.empty()) allowed += ", ";
    allowed += entry.second;
  }
  return InvalidArgument(fmt::format("{} '{}' is not one of {}", field, text, allowed));
}

const std::string kNoId;

}  // namespace

std::string_view Name(Sex v) { return Lookup(kSexNames, v); }
std::string_view Name(PersonStatus v) { return Lookup(kStatusNames, v); }
std::string_view Name(AddressProtection v) { return Lookup(kProtectionNames, v); }
std::string_view Name(RelationRole v) { return Lookup(kRoleNames, v); }
std::string_view Name(Responsibility v) { return Lookup(kResponsibilityNames, v); }
std::string_view Name(CivilStatus v) { return Lookup(kCivilNames, v); }

Result<Sex> ParseSex(std::string_view s) { return Parse(kSexNames, "kjoenn", s); }
Result<PersonStatus> ParsePersonStatus(std::string_view s) {
  return Parse(kStatusNames, "status", s);
}
Result<AddressProtection> ParseAddressProtection(std::string_view s) {
  return Parse(kProtectionNames, "gradering", s);
}
Result<RelationRole> ParseRelationRole(std::string_view s) { return Parse(kRoleNames, "rolle", s); }
Result<Responsibility> ParseResponsibility(std::string_view s) {
  return Parse(kResponsibilityNames, "ansvar", s);
}
Result<CivilStatus> ParseCivilStatus(std::string_view s) {
  return Parse(kCivilNames, "sivilstand", s);
}

const std::string& Person::id() const {
  for (auto it = identity_numbers.rbegin(); it != identity_numbers.rend(); ++it) {
    if (it->value.in_use) return it->value.number;
  }
  return kNoId;
}

std::optional<CivilDate> Person::birth_date() const {
  if (const Birth* b = birth.current()) return b->date;
  return std::nullopt;
}

PersonStatus Person::current_status() const {
  if (const StatusFact* s = status.current()) return s->status;
  return PersonStatus::kBosatt;
}

std::string Person::kommunenummer() const {
  if (const Address* a = residence.current()) return a->kommunenummer;
  return {};
}

AddressProtection Person::current_protection() const {
  if (const ProtectionFact* p = protection.current()) return p->grading;
  return AddressProtection::kUgradert;
}

std::vector<std::string> Person::RelatedIds(RelationRole role) const {
  std::vector<std::string> out;
  for (const auto& f : relations) {
    if (f.value.related_role == role && !f.value.related_id.empty()) {
      out.push_back(f.value.related_id);
    }
  }
  return out;
}

bool RepresentsPerson(const Guardianship& g) { return g.type != "forvaltningUtenforVergemaal"; }

bool Person::UnderGuardianship() const {
  for (const auto& f : guardianship) {
    if (RepresentsPerson(f.value)) return true;
  }
  return false;
}

}  // namespace proaktiv::registry
