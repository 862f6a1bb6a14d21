#include "synth/fast_json.h"

#include <fmt/format.h>

namespace proaktiv::synth {
namespace {

using namespace registry;  // NOLINT: the register's many small types

bool NeedsEscape(std::string_view s) {
  for (char c : s) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

void Str(std::string& out, std::string_view s) {
  out += '"';
  if (!NeedsEscape(s)) {
    out.append(s);
    out += '"';
    return;
  }
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  out += '"';
}

// Writes ,"key": (or without the comma for the first field); the value follows.
void Key(std::string& out, bool& first, std::string_view key) {
  if (!first) out += ',';
  first = false;
  out += '"';
  out.append(key);  // keys are the register's field names: plain ASCII, nothing to escape
  out.append("\":");
}
// Writes ,"key":"value".
void Field(std::string& out, bool& first, std::string_view key, std::string_view value) {
  Key(out, first, key);
  Str(out, value);
}
void Optional(std::string& out, bool& first, std::string_view key, std::string_view value) {
  if (!value.empty()) Field(out, first, key, value);
}

void Fields(std::string& out, bool& f, const IdentityNumber& v) {
  Field(out, f, "foedselsEllerDNummer", v.number);
  Field(out, f, "status", v.in_use ? "iBruk" : "opphoert");
}
void Fields(std::string& out, bool& f, const PersonName& v) {
  Field(out, f, "fornavn", v.given);
  Optional(out, f, "mellomnavn", v.middle);
  Field(out, f, "etternavn", v.family);
}
void Fields(std::string& out, bool& f, const Sex& v) { Field(out, f, "kjoenn", Name(v)); }
void Fields(std::string& out, bool& f, const Birth& v) {
  Field(out, f, "foedselsdato", v.date.ToString());
  Optional(out, f, "foedekommuneINorge", v.kommunenummer);
}
void Fields(std::string& out, bool& f, const Death& v) {
  Field(out, f, "doedsdato", v.date.ToString());
}
void Fields(std::string& out, bool& f, const StatusFact& v) {
  Field(out, f, "status", Name(v.status));
}
void Fields(std::string& out, bool& f, const Address& v) {
  Field(out, f, "adressenavn", v.street);
  Optional(out, f, "husnummer", v.house_number);
  Field(out, f, "postnummer", v.postal_code);
  Field(out, f, "poststed", v.postal_place);
  Field(out, f, "kommunenummer", v.kommunenummer);
  Field(out, f, "flyttedato", v.moved_in.ToString());
}
void Fields(std::string& out, bool& f, const ProtectionFact& v) {
  Field(out, f, "gradering", Name(v.grading));
}
void Fields(std::string& out, bool& f, const FamilyRelation& v) {
  Optional(out, f, "relatertPersonsIdentifikator", v.related_id);
  Field(out, f, "relatertPersonsRolle", Name(v.related_role));
  if (v.my_role) Field(out, f, "minRolleForPerson", Name(*v.my_role));
  if (v.date) Field(out, f, "dato", v.date->ToString());
}
void Fields(std::string& out, bool& f, const ParentalResponsibility& v) {
  Field(out, f, "ansvar", Name(v.kind));
  Optional(out, f, "ansvarlig", v.holder_id);
  Optional(out, f, "ansvarssubjekt", v.child_id);
}
void Fields(std::string& out, bool& f, const CivilStatusFact& v) {
  Field(out, f, "type", Name(v.status));
  if (v.valid_from) Field(out, f, "gyldigFraOgMed", v.valid_from->ToString());
  Optional(out, f, "relatertVedSivilstand", v.related_id);
}

void Fields(std::string& out, bool& f, const Guardianship& v) {
  Optional(out, f, "type", v.type);
  Optional(out, f, "embete", v.embete);
  Key(out, f, "vergeEllerFullmektig");
  out += '{';
  bool inner = true;
  Optional(out, inner, "motpartsPersonidentifikator", v.guardian_id);
  const PersonName& n = v.guardian_name;
  if (!n.given.empty() || !n.middle.empty() || !n.family.empty()) {
    Key(out, inner, "navn");
    out += '{';
    bool name_first = true;
    Optional(out, name_first, "fornavn", n.given);
    Optional(out, name_first, "mellomnavn", n.middle);
    Optional(out, name_first, "etternavn", n.family);
    out += '}';
  }
  Optional(out, inner, "omfang", v.scope);
  Key(out, inner, "omfangetErInnenPersonligOmraade");
  out += v.scope_within_personal ? "true" : "false";
  out += '}';
}

template <typename T>
void Entity(std::string& out, bool& first_entity, std::string_view name,
            const std::vector<Fact<T>>& facts) {
  if (facts.empty()) return;
  if (!first_entity) out += ',';
  first_entity = false;
  Str(out, name);
  out += ":[";
  for (size_t i = 0; i < facts.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    bool first = true;
    Fields(out, first, facts[i].value);
    if (!first) out += ',';
    out += "\"metadata\":{\"opplysningsidentifikator\":";
    Str(out, facts[i].fact_id);
    out += ",\"sekvens\":";
    out += std::to_string(facts[i].sequence);
    out += "}}";
  }
  out += ']';
}

}  // namespace

void AppendPersonJson(std::string& out, const Person& p) {
  bool first = true;
  out += '{';
  Entity(out, first, "identifikasjonsnummer", p.identity_numbers);
  Entity(out, first, "navn", p.name.facts);
  Entity(out, first, "kjoenn", p.sex.facts);
  Entity(out, first, "foedsel", p.birth.facts);
  Entity(out, first, "doedsfall", p.death.facts);
  Entity(out, first, "folkeregisterpersonstatus", p.status.facts);
  Entity(out, first, "bostedsadresse", p.residence.facts);
  Entity(out, first, "adressebeskyttelse", p.protection.facts);
  Entity(out, first, "familierelasjon", p.relations);
  Entity(out, first, "foreldreansvar", p.responsibility);
  Entity(out, first, "sivilstand", p.civil_status.facts);
  Entity(out, first, "vergemaalEllerFremtidsfullmakt", p.guardianship);
  out += '}';
}

void AppendDocumentEntry(std::string& out, int64_t sequence, std::string_view person_id,
                         std::string_view event_type, std::string_view timestamp,
                         const Person& person) {
  out += "{\"sekvensnummer\":";
  out += std::to_string(sequence);
  out += ",\"hendelse\":{\"folkeregisteridentifikator\":";
  Str(out, person_id);
  out += ",\"hendelsetype\":";
  Str(out, event_type);
  out += ",\"ajourholdstidspunkt\":";
  Str(out, timestamp);
  out += ",\"persondokument\":";
  AppendPersonJson(out, person);
  out += "}}\n";
}

}  // namespace proaktiv::synth
