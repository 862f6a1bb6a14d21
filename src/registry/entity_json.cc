#include "registry/entity_json.h"

#include <algorithm>

#include <fmt/format.h>

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
Result<std::string> StringOrEmpty(const json::object& o, std::string_view key) {
  PROAKTIV_ASSIGN_OR_RETURN(auto s, OptionalString(o, key));
  return std::move(s).value_or("");
}

}  // namespace

void EncodeEntity(const IdentityNumber& v, json::object& o) {
  o["foedselsEllerDNummer"] = v.number;
  o["status"] = v.in_use ? "iBruk" : "opphoert";
}
Status DecodeEntity(const json::object& o, IdentityNumber& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.number, RequireString(o, "foedselsEllerDNummer"));
  PROAKTIV_ASSIGN_OR_RETURN(auto status, OptionalString(o, "status"));
  if (status && *status != "iBruk" && *status != "opphoert") {
    return InvalidArgument(fmt::format("field 'status': '{}' is not iBruk or opphoert", *status));
  }
  v.in_use = !status || *status == "iBruk";
  return {};
}

void EncodeEntity(const PersonName& v, json::object& o) {
  o["fornavn"] = v.given;
  PutString(o, "mellomnavn", v.middle);
  o["etternavn"] = v.family;
}
Status DecodeEntity(const json::object& o, PersonName& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.given, RequireString(o, "fornavn"));
  PROAKTIV_ASSIGN_OR_RETURN(v.middle, StringOrEmpty(o, "mellomnavn"));
  PROAKTIV_ASSIGN_OR_RETURN(v.family, RequireString(o, "etternavn"));
  return {};
}

void EncodeEntity(const Sex& v, json::object& o) { o["kjoenn"] = Name(v); }
Status DecodeEntity(const json::object& o, Sex& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v, ParseEnumField<Sex>(o, "kjoenn", ParseSex));
  return {};
}

void EncodeEntity(const Birth& v, json::object& o) {
  o["foedselsdato"] = v.date.ToString();
  PutString(o, "foedekommuneINorge", v.kommunenummer);
}
Status DecodeEntity(const json::object& o, Birth& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.date, RequireDate(o, "foedselsdato"));
  PROAKTIV_ASSIGN_OR_RETURN(v.kommunenummer, StringOrEmpty(o, "foedekommuneINorge"));
  return {};
}

void EncodeEntity(const Death& v, json::object& o) { o["doedsdato"] = v.date.ToString(); }
Status DecodeEntity(const json::object& o, Death& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.date, RequireDate(o, "doedsdato"));
  return {};
}

void EncodeEntity(const StatusFact& v, json::object& o) { o["status"] = Name(v.status); }
Status DecodeEntity(const json::object& o, StatusFact& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.status, ParseEnumField<PersonStatus>(o, "status", ParsePersonStatus));
  return {};
}

void EncodeEntity(const Address& v, json::object& o) {
  o["adressenavn"] = v.street;
  PutString(o, "husnummer", v.house_number);
  o["postnummer"] = v.postal_code;
  o["poststed"] = v.postal_place;
  o["kommunenummer"] = v.kommunenummer;
  o["flyttedato"] = v.moved_in.ToString();
}
Status DecodeEntity(const json::object& o, Address& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.street, RequireString(o, "adressenavn"));
  PROAKTIV_ASSIGN_OR_RETURN(v.house_number, StringOrEmpty(o, "husnummer"));
  PROAKTIV_ASSIGN_OR_RETURN(v.postal_code, RequireString(o, "postnummer"));
  PROAKTIV_ASSIGN_OR_RETURN(v.postal_place, RequireString(o, "poststed"));
  PROAKTIV_ASSIGN_OR_RETURN(v.kommunenummer, RequireString(o, "kommunenummer"));
  if (v.kommunenummer.size() != 4 || !std::all_of(v.kommunenummer.begin(), v.kommunenummer.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; })) {
    return InvalidArgument(
        fmt::format("field 'kommunenummer': '{}' is not four digits", v.kommunenummer));
  }
  PROAKTIV_ASSIGN_OR_RETURN(v.moved_in, RequireDate(o, "flyttedato"));
  return {};
}

void EncodeEntity(const ProtectionFact& v, json::object& o) { o["gradering"] = Name(v.grading); }
Status DecodeEntity(const json::object& o, ProtectionFact& v) {
  PROAKTIV_ASSIGN_OR_RETURN(
      v.grading, ParseEnumField<AddressProtection>(o, "gradering", ParseAddressProtection));
  return {};
}

void EncodeEntity(const FamilyRelation& v, json::object& o) {
  PutString(o, "relatertPersonsIdentifikator", v.related_id);
  o["relatertPersonsRolle"] = Name(v.related_role);
  if (v.my_role) o["minRolleForPerson"] = Name(*v.my_role);
  PutDate(o, "dato", v.date);
}
Status DecodeEntity(const json::object& o, FamilyRelation& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.related_id, StringOrEmpty(o, "relatertPersonsIdentifikator"));
  PROAKTIV_ASSIGN_OR_RETURN(
      v.related_role, ParseEnumField<RelationRole>(o, "relatertPersonsRolle", ParseRelationRole));
  PROAKTIV_ASSIGN_OR_RETURN(auto mine, OptionalString(o, "minRolleForPerson"));
  v.my_role.reset();
  if (mine) {
    PROAKTIV_ASSIGN_OR_RETURN(v.my_role, ParseRelationRole(*mine));
  }
  PROAKTIV_ASSIGN_OR_RETURN(v.date, OptionalDate(o, "dato"));
  if (v.related_id.empty() && v.related_role != RelationRole::kDoedfoedtBarn) {
    return InvalidArgument("field 'relatertPersonsIdentifikator' is missing");
  }
  return {};
}

void EncodeEntity(const ParentalResponsibility& v, json::object& o) {
  o["ansvar"] = Name(v.kind);
  PutString(o, "ansvarlig", v.holder_id);
  PutString(o, "ansvarssubjekt", v.child_id);
}
Status DecodeEntity(const json::object& o, ParentalResponsibility& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.kind,
                            ParseEnumField<Responsibility>(o, "ansvar", ParseResponsibility));
  PROAKTIV_ASSIGN_OR_RETURN(v.holder_id, StringOrEmpty(o, "ansvarlig"));
  PROAKTIV_ASSIGN_OR_RETURN(v.child_id, StringOrEmpty(o, "ansvarssubjekt"));
  if (v.holder_id.empty() && v.child_id.empty()) {
    return InvalidArgument("one of 'ansvarlig' and 'ansvarssubjekt' must be given");
  }
  return {};
}

void EncodeEntity(const CivilStatusFact& v, json::object& o) {
  o["type"] = Name(v.status);
  PutDate(o, "gyldigFraOgMed", v.valid_from);
  PutString(o, "relatertVedSivilstand", v.related_id);
}
Status DecodeEntity(const json::object& o, CivilStatusFact& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.status, ParseEnumField<CivilStatus>(o, "type", ParseCivilStatus));
  PROAKTIV_ASSIGN_OR_RETURN(v.valid_from, OptionalDate(o, "gyldigFraOgMed"));
  PROAKTIV_ASSIGN_OR_RETURN(v.related_id, StringOrEmpty(o, "relatertVedSivilstand"));
  return {};
}

// {"type": …, "embete": …, "vergeEllerFullmektig": {"motpartsPersonidentifikator": …,
//  "navn": {"fornavn": …, "mellomnavn": …, "etternavn": …}, "omfang": …,
//  "omfangetErInnenPersonligOmraade": true}}. Every field may be absent: the register leaves
// out what it does not know. Code values are kept as text.
void EncodeEntity(const Guardianship& v, json::object& o) {
  PutString(o, "type", v.type);
  PutString(o, "embete", v.embete);
  json::object verge;
  PutString(verge, "motpartsPersonidentifikator", v.guardian_id);
  const PersonName& n = v.guardian_name;
  if (!n.given.empty() || !n.middle.empty() || !n.family.empty()) {
    json::object navn;
    PutString(navn, "fornavn", n.given);
    PutString(navn, "mellomnavn", n.middle);
    PutString(navn, "etternavn", n.family);
    verge["navn"] = std::move(navn);
  }
  PutString(verge, "omfang", v.scope);
  verge["omfangetErInnenPersonligOmraade"] = v.scope_within_personal;
  o["vergeEllerFullmektig"] = std::move(verge);
}
Status DecodeEntity(const json::object& o, Guardianship& v) {
  PROAKTIV_ASSIGN_OR_RETURN(v.type, StringOrEmpty(o, "type"));
  PROAKTIV_ASSIGN_OR_RETURN(v.embete, StringOrEmpty(o, "embete"));
  v.guardian_id.clear();
  v.guardian_name = PersonName{};
  v.scope.clear();
  v.scope_within_personal = false;
  PROAKTIV_ASSIGN_OR_RETURN(const json::object* verge, OptionalObject(o, "vergeEllerFullmektig"));
  if (verge == nullptr) return {};
  auto read_verge = [&]() -> Status {
    PROAKTIV_ASSIGN_OR_RETURN(v.guardian_id, StringOrEmpty(*verge, "motpartsPersonidentifikator"));
    PROAKTIV_ASSIGN_OR_RETURN(const json::object* navn, OptionalObject(*verge, "navn"));
    if (navn != nullptr) {
      PersonName& n = v.guardian_name;
      auto read_name = [&]() -> Status {
        PROAKTIV_ASSIGN_OR_RETURN(n.given, StringOrEmpty(*navn, "fornavn"));
        PROAKTIV_ASSIGN_OR_RETURN(n.middle, StringOrEmpty(*navn, "mellomnavn"));
        PROAKTIV_ASSIGN_OR_RETURN(n.family, StringOrEmpty(*navn, "etternavn"));
        return {};
      };
      auto named = read_name();
      if (!named) return tl::unexpected(named.error().WithContext("navn"));
    }
    PROAKTIV_ASSIGN_OR_RETURN(v.scope, StringOrEmpty(*verge, "omfang"));
    PROAKTIV_ASSIGN_OR_RETURN(auto personal,
                              OptionalBool(*verge, "omfangetErInnenPersonligOmraade"));
    v.scope_within_personal = personal.value_or(false);
    return {};
  };
  auto status = read_verge();
  if (!status) return tl::unexpected(status.error().WithContext("vergeEllerFullmektig"));
  return {};
}

}  // namespace proaktiv::registry
