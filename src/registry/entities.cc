#include "registry/entities.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "registry/json_fields.h"

namespace proaktiv::registry {
namespace json = boost::json;
namespace {

void PutString(json::object& o, std::string_view key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}
void PutDate(json::object& o, std::string_view key, const std::optional<CivilDate>& d) {
  if (d) o[key] = d->ToString();
}
template <typename E, typename ParseFn>
Result<E> ParseEnumField(const json::object& o, std::string_view key, ParseFn parse) {
  PROAKTIV_ASSIGN_OR_RETURN(std::string text, RequireString(o, key));
  return parse(text);
}

// Codec<T>: Encode writes the entity's fields, Decode reads and validates them.
template <typename T>
struct Codec;

template <>
struct Codec<IdentityNumber> {
  static void Encode(const IdentityNumber& v, json::object& o) {
    o["foedselsEllerDNummer"] = v.number;
    o["status"] = v.in_use ? "iBruk" : "opphoert";
  }
  static Result<IdentityNumber> Decode(const json::object& o) {
    IdentityNumber v;
    PROAKTIV_ASSIGN_OR_RETURN(v.number, RequireString(o, "foedselsEllerDNummer"));
    PROAKTIV_ASSIGN_OR_RETURN(auto status, OptionalString(o, "status"));
    if (status && *status != "iBruk" && *status != "opphoert") {
      return InvalidArgument(fmt::format("field 'status': '{}' is not iBruk or opphoert", *status));
    }
    v.in_use = !status || *status == "iBruk";
    return v;
  }
};

template <>
struct Codec<PersonName> {
  static void Encode(const PersonName& v, json::object& o) {
    o["fornavn"] = v.given;
    PutString(o, "mellomnavn", v.middle);
    o["etternavn"] = v.family;
  }
  static Result<PersonName> Decode(const json::object& o) {
    PersonName v;
    PROAKTIV_ASSIGN_OR_RETURN(v.given, RequireString(o, "fornavn"));
    PROAKTIV_ASSIGN_OR_RETURN(auto middle, OptionalString(o, "mellomnavn"));
    v.middle = middle.value_or("");
    PROAKTIV_ASSIGN_OR_RETURN(v.family, RequireString(o, "etternavn"));
    return v;
  }
};

template <>
struct Codec<Sex> {
  static void Encode(const Sex& v, json::object& o) { o["kjoenn"] = Name(v); }
  static Result<Sex> Decode(const json::object& o) {
    return ParseEnumField<Sex>(o, "kjoenn", ParseSex);
  }
};

template <>
struct Codec<Birth> {
  static void Encode(const Birth& v, json::object& o) {
    o["foedselsdato"] = v.date.ToString();
    PutString(o, "foedekommuneINorge", v.kommunenummer);
  }
  static Result<Birth> Decode(const json::object& o) {
    Birth v;
    PROAKTIV_ASSIGN_OR_RETURN(v.date, RequireDate(o, "foedselsdato"));
    PROAKTIV_ASSIGN_OR_RETURN(auto k, OptionalString(o, "foedekommuneINorge"));
    v.kommunenummer = k.value_or("");
    return v;
  }
};

template <>
struct Codec<Death> {
  static void Encode(const Death& v, json::object& o) { o["doedsdato"] = v.date.ToString(); }
  static Result<Death> Decode(const json::object& o) {
    Death v;
    PROAKTIV_ASSIGN_OR_RETURN(v.date, RequireDate(o, "doedsdato"));
    return v;
  }
};

template <>
struct Codec<StatusFact> {
  static void Encode(const StatusFact& v, json::object& o) { o["status"] = Name(v.status); }
  static Result<StatusFact> Decode(const json::object& o) {
    PROAKTIV_ASSIGN_OR_RETURN(auto s, ParseEnumField<PersonStatus>(o, "status", ParsePersonStatus));
    return StatusFact{s};
  }
};

template <>
struct Codec<Address> {
  static void Encode(const Address& v, json::object& o) {
    o["adressenavn"] = v.street;
    PutString(o, "husnummer", v.house_number);
    o["postnummer"] = v.postal_code;
    o["poststed"] = v.postal_place;
    o["kommunenummer"] = v.kommunenummer;
    o["flyttedato"] = v.moved_in.ToString();
  }
  static Result<Address> Decode(const json::object& o) {
    Address v;
    PROAKTIV_ASSIGN_OR_RETURN(v.street, RequireString(o, "adressenavn"));
    PROAKTIV_ASSIGN_OR_RETURN(auto house, OptionalString(o, "husnummer"));
    v.house_number = house.value_or("");
    PROAKTIV_ASSIGN_OR_RETURN(v.postal_code, RequireString(o, "postnummer"));
    PROAKTIV_ASSIGN_OR_RETURN(v.postal_place, RequireString(o, "poststed"));
    PROAKTIV_ASSIGN_OR_RETURN(v.kommunenummer, RequireString(o, "kommunenummer"));
    if (v.kommunenummer.size() != 4 || !std::all_of(v.kommunenummer.begin(), v.kommunenummer.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; })) {
      return InvalidArgument(
          fmt::format("field 'kommunenummer': '{}' is not four digits", v.kommunenummer));
    }
    PROAKTIV_ASSIGN_OR_RETURN(v.moved_in, RequireDate(o, "flyttedato"));
    return v;
  }
};

template <>
struct Codec<ProtectionFact> {
  static void Encode(const ProtectionFact& v, json::object& o) { o["gradering"] = Name(v.grading); }
  static Result<ProtectionFact> Decode(const json::object& o) {
    PROAKTIV_ASSIGN_OR_RETURN(
        auto g, ParseEnumField<AddressProtection>(o, "gradering", ParseAddressProtection));
    return ProtectionFact{g};
  }
};

template <>
struct Codec<FamilyRelation> {
  static void Encode(const FamilyRelation& v, json::object& o) {
    PutString(o, "relatertPersonsIdentifikator", v.related_id);
    o["relatertPersonsRolle"] = Name(v.related_role);
    if (v.my_role) o["minRolleForPerson"] = Name(*v.my_role);
    PutDate(o, "dato", v.date);
  }
  static Result<FamilyRelation> Decode(const json::object& o) {
    FamilyRelation v;
    PROAKTIV_ASSIGN_OR_RETURN(auto id, OptionalString(o, "relatertPersonsIdentifikator"));
    v.related_id = id.value_or("");
    PROAKTIV_ASSIGN_OR_RETURN(
        v.related_role, ParseEnumField<RelationRole>(o, "relatertPersonsRolle", ParseRelationRole));
    PROAKTIV_ASSIGN_OR_RETURN(auto mine, OptionalString(o, "minRolleForPerson"));
    if (mine) {
      PROAKTIV_ASSIGN_OR_RETURN(v.my_role, ParseRelationRole(*mine));
    }
    PROAKTIV_ASSIGN_OR_RETURN(v.date, OptionalDate(o, "dato"));
    if (v.related_id.empty() && v.related_role != RelationRole::kDoedfoedtBarn) {
      return InvalidArgument("field 'relatertPersonsIdentifikator' is missing");
    }
    return v;
  }
};

template <>
struct Codec<ParentalResponsibility> {
  static void Encode(const ParentalResponsibility& v, json::object& o) {
    o["ansvar"] = Name(v.kind);
    PutString(o, "ansvarlig", v.holder_id);
    PutString(o, "ansvarssubjekt", v.child_id);
  }
  static Result<ParentalResponsibility> Decode(const json::object& o) {
    ParentalResponsibility v;
    PROAKTIV_ASSIGN_OR_RETURN(v.kind,
                              ParseEnumField<Responsibility>(o, "ansvar", ParseResponsibility));
    PROAKTIV_ASSIGN_OR_RETURN(auto holder, OptionalString(o, "ansvarlig"));
    PROAKTIV_ASSIGN_OR_RETURN(auto child, OptionalString(o, "ansvarssubjekt"));
    v.holder_id = holder.value_or("");
    v.child_id = child.value_or("");
    if (v.holder_id.empty() && v.child_id.empty()) {
      return InvalidArgument("one of 'ansvarlig' and 'ansvarssubjekt' must be given");
    }
    return v;
  }
};

template <>
struct Codec<CivilStatusFact> {
  static void Encode(const CivilStatusFact& v, json::object& o) {
    o["type"] = Name(v.status);
    PutDate(o, "gyldigFraOgMed", v.valid_from);
    PutString(o, "relatertVedSivilstand", v.related_id);
  }
  static Result<CivilStatusFact> Decode(const json::object& o) {
    CivilStatusFact v;
    PROAKTIV_ASSIGN_OR_RETURN(v.status, ParseEnumField<CivilStatus>(o, "type", ParseCivilStatus));
    PROAKTIV_ASSIGN_OR_RETURN(v.valid_from, OptionalDate(o, "gyldigFraOgMed"));
    PROAKTIV_ASSIGN_OR_RETURN(auto rel, OptionalString(o, "relatertVedSivilstand"));
    v.related_id = rel.value_or("");
    return v;
  }
};

// How to reach an entity's facts inside a Person, with its codec.
struct EntityOps {
  std::string_view name;
  Status (*apply)(Person&, const EntityChange&, int64_t);
  void (*encode)(const Person&, std::string_view, json::object&);
  Status (*decode)(Person&, const json::array&);
};

template <typename T, auto Member>
std::vector<Fact<T>>& FactsOf(Person& p) {
  if constexpr (requires { (p.*Member).facts; }) {
    return (p.*Member).facts;
  } else {
    return p.*Member;
  }
}
template <typename T, auto Member>
const std::vector<Fact<T>>& FactsOf(const Person& p) {
  if constexpr (requires { (p.*Member).facts; }) {
    return (p.*Member).facts;
  } else {
    return p.*Member;
  }
}

template <typename T, auto Member>
Status ApplyTo(Person& p, const EntityChange& c, int64_t sequence) {
  std::vector<Fact<T>>& facts = FactsOf<T, Member>(p);
  if (c.change == Change::kRegister) {
    PROAKTIV_ASSIGN_OR_RETURN(T value, Codec<T>::Decode(c.body));
    facts.push_back(Fact<T>{c.fact_id, sequence, std::move(value)});
    return {};
  }
  if (c.target_id.empty()) {
    return InvalidArgument("field 'gjelderOpplysningsidentifikator' is missing");
  }
  auto it = std::find_if(facts.begin(), facts.end(),
                         [&](const Fact<T>& f) { return f.fact_id == c.target_id; });
  if (it == facts.end()) {
    return NotFound(fmt::format("no fact '{}' to {}", c.target_id, Name(c.change)));
  }
  if (c.change == Change::kCorrect) {
    PROAKTIV_ASSIGN_OR_RETURN(T value, Codec<T>::Decode(c.body));
    it->value = std::move(value);
    it->sequence = sequence;
    if (!c.fact_id.empty()) it->fact_id = c.fact_id;
  } else {
    facts.erase(it);
  }
  return {};
}

template <typename T, auto Member>
void EncodeFrom(const Person& p, std::string_view name, json::object& doc) {
  const auto& facts = FactsOf<T, Member>(p);
  if (facts.empty()) return;
  json::array out;
  out.reserve(facts.size());
  for (const auto& f : facts) {
    json::object o;
    Codec<T>::Encode(f.value, o);
    json::object meta;
    meta["opplysningsidentifikator"] = f.fact_id;
    meta["sekvens"] = f.sequence;
    o["metadata"] = std::move(meta);
    out.push_back(std::move(o));
  }
  doc[name] = std::move(out);
}

template <typename T, auto Member>
Status DecodeInto(Person& p, const json::array& items) {
  auto& facts = FactsOf<T, Member>(p);
  for (size_t i = 0; i < items.size(); ++i) {
    PROAKTIV_ASSIGN_OR_RETURN(const json::object* o, RequireObject(items[i], "element"));
    PROAKTIV_ASSIGN_OR_RETURN(T value, Codec<T>::Decode(*o));
    Fact<T> fact{"", 0, std::move(value)};
    if (const json::value* meta = o->if_contains("metadata"); meta && meta->is_object()) {
      PROAKTIV_ASSIGN_OR_RETURN(auto id,
                                OptionalString(meta->get_object(), "opplysningsidentifikator"));
      fact.fact_id = id.value_or("");
      if (meta->get_object().contains("sekvens")) {
        PROAKTIV_ASSIGN_OR_RETURN(fact.sequence, RequireInt(meta->get_object(), "sekvens"));
      }
    }
    facts.push_back(std::move(fact));
  }
  return {};
}

template <typename T, auto Member>
constexpr EntityOps MakeOps(std::string_view name) {
  return EntityOps{name, &ApplyTo<T, Member>, &EncodeFrom<T, Member>, &DecodeInto<T, Member>};
}

// Document order of the entities.
const std::array<EntityOps, 11> kEntities = {
    MakeOps<IdentityNumber, &Person::identity_numbers>("identifikasjonsnummer"),
    MakeOps<PersonName, &Person::name>("navn"),
    MakeOps<Sex, &Person::sex>("kjoenn"),
    MakeOps<Birth, &Person::birth>("foedsel"),
    MakeOps<Death, &Person::death>("doedsfall"),
    MakeOps<StatusFact, &Person::status>("folkeregisterpersonstatus"),
    MakeOps<Address, &Person::residence>("bostedsadresse"),
    MakeOps<ProtectionFact, &Person::protection>("adressebeskyttelse"),
    MakeOps<FamilyRelation, &Person::relations>("familierelasjon"),
    MakeOps<ParentalResponsibility, &Person::responsibility>("foreldreansvar"),
    MakeOps<CivilStatusFact, &Person::civil_status>("sivilstand"),
};

const EntityOps* FindEntity(std::string_view name) {
  for (const auto& ops : kEntities) {
    if (ops.name == name) return &ops;
  }
  return nullptr;
}

}  // namespace

template <typename T>
boost::json::object EntityToJson(const T& value) {
  json::object o;
  Codec<T>::Encode(value, o);
  return o;
}
template json::object EntityToJson(const IdentityNumber&);
template json::object EntityToJson(const PersonName&);
template json::object EntityToJson(const Sex&);
template json::object EntityToJson(const Birth&);
template json::object EntityToJson(const Death&);
template json::object EntityToJson(const StatusFact&);
template json::object EntityToJson(const Address&);
template json::object EntityToJson(const ProtectionFact&);
template json::object EntityToJson(const FamilyRelation&);
template json::object EntityToJson(const ParentalResponsibility&);
template json::object EntityToJson(const CivilStatusFact&);

Result<Change> ParseChange(std::string_view text) {
  if (text == "registrereNy") return Change::kRegister;
  if (text == "korrigere") return Change::kCorrect;
  if (text == "annullere") return Change::kAnnul;
  if (text == "opphoere") return Change::kCease;
  return InvalidArgument(fmt::format(
      "entitetsendring '{}' is not one of registrereNy, korrigere, annullere, opphoere", text));
}

std::string_view Name(Change change) {
  switch (change) {
    case Change::kRegister:
      return "registrereNy";
    case Change::kCorrect:
      return "korrigere";
    case Change::kAnnul:
      return "annullere";
    case Change::kCease:
      return "opphoere";
  }
  return "?";
}

bool IsKnownEntity(std::string_view entity) { return FindEntity(entity) != nullptr; }

Status ApplyEntityChange(Person& person, const EntityChange& change, int64_t sequence) {
  const EntityOps* ops = FindEntity(change.entity);
  if (ops == nullptr) return InvalidArgument(fmt::format("unknown entity '{}'", change.entity));
  auto status = ops->apply(person, change, sequence);
  if (!status) {
    return tl::unexpected(
        status.error().WithContext(fmt::format("{} {}", Name(change.change), change.entity)));
  }
  // A new identity number in use replaces the earlier ones (endringIIdentifikasjonsnummer).
  if (change.entity == "identifikasjonsnummer" && change.change == Change::kRegister &&
      person.identity_numbers.back().value.in_use) {
    for (size_t i = 0; i + 1 < person.identity_numbers.size(); ++i) {
      person.identity_numbers[i].value.in_use = false;
    }
  }
  return {};
}

json::object PersonToJson(const Person& person) {
  json::object doc;
  for (const auto& ops : kEntities) ops.encode(person, ops.name, doc);
  return doc;
}

Result<Person> PersonFromJson(const json::object& doc) {
  Person person;
  for (const auto& [key, value] : doc) {
    const EntityOps* ops = FindEntity(key);
    if (ops == nullptr) {
      return InvalidArgument(
          fmt::format("person document: unknown entity '{}'", std::string_view(key)));
    }
    if (!value.is_array()) {
      return InvalidArgument(fmt::format("person document: '{}' must be an array, got {}",
                                         std::string_view(key), JsonKindName(value)));
    }
    auto status = ops->decode(person, value.get_array());
    if (!status) {
      return tl::unexpected(
          status.error().WithContext(fmt::format("person document: {}", ops->name)));
    }
  }
  if (person.id().empty()) {
    return InvalidArgument("person document: no identifikasjonsnummer in use");
  }
  return person;
}

}  // namespace proaktiv::registry
